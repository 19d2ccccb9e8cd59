# Float literals for `alpha` make a primitive parameter: fail 12.
import tensorflow as tf


def leaky(x, alpha):  # expect: fail=12
    return tf.nn.leaky_relu(x, alpha=alpha)


x = tf.linspace(-1.0, 1.0, 5)
leaky(x, 0.2)
leaky(x, 0.01)
