# A block keeps the activation it was given in `self.activation`; `forward` calls it, so the
# activation's print is `forward`'s side effect too.
import tensorflow as tf


def noisy_relu(x):  # expect: fail=4
    print("activation")
    return tf.nn.relu(x)


class Block:
    def __init__(self, activation):  # expect: fail=32
        self.activation = activation

    def forward(self, x):  # expect: fail=4; sideEffects=true
        return self.activation(x)


Block(noisy_relu).forward(tf.ones([3]))
