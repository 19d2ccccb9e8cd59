# A nested function called by its parent with the parent's tensor: P1 for both.
import tensorflow as tf


def residual(x):  # expect: P1
    def branch(y):  # expect: P1
        return tf.nn.relu(y) * 0.5

    return tf.add(x, branch(x))


residual(tf.ones([2, 3]))
