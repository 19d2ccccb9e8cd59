# The literal reaching `outer`'s `shift` flows on into `inner`: both are primitive: fail 12.
import tensorflow as tf


def inner(x, shift):  # expect: fail=12
    return tf.roll(x, shift=shift, axis=0)


def outer(x, shift):  # expect: fail=12
    return inner(tf.nn.relu(x), shift)


outer(tf.range(6.0), 2)
