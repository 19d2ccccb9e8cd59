# A staticmethod called through its class: P1.
import tensorflow as tf


class Activations:
    @staticmethod
    def hard_swish(x):  # expect: P1
        return x * tf.nn.relu6(x + 3.0) / 6.0


Activations.hard_swish(tf.constant([-4.0, 0.0, 4.0]))
