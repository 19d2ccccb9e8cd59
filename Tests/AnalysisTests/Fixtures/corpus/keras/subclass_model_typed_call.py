# `call` of a Model subclass, reached by calling the instance with tensors (typed, no speculation).
import tensorflow as tf


class MLP(tf.keras.Model):
    def __init__(self, hidden):  # expect: fail=32
        super().__init__()
        self.hidden = tf.keras.layers.Dense(hidden, activation="relu")
        self.out = tf.keras.layers.Dense(1)

    def call(self, inputs, training=False):  # expect: P1; tensorParameter=true primitiveParameter=false
        return self.out(self.hidden(inputs))


mlp = MLP(32)
mlp(tf.zeros([2, 4]))
mlp(tf.ones([2, 4]), training=True)
