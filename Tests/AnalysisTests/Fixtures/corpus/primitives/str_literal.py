# A string literal that selects the activation is a primitive parameter: fail 12.
import tensorflow as tf


def activate(x, kind):  # expect: fail=12
    if kind == "relu":
        return tf.nn.relu(x)
    return tf.nn.gelu(x)


activate(tf.constant([-1.0, 2.0]), "relu")
activate(tf.constant([-1.0, 2.0]), "gelu")
