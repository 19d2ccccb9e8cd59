# Helpers of a hybrid that an eager function also calls, or that escape as a value: not covered.
import tensorflow as tf


def square(x):  # expect: P1; coveredCallers=false
    return tf.square(x)


def cube(x):  # expect: P1; coveredCallers=false
    return x * tf.square(x)


@tf.function
def energy(x):  # expect: info=13
    return tf.reduce_sum(square(x) + cube(x))


def report(x):  # expect: P1
    return square(x) + energy(x)


ACTIVATIONS = {"cube": cube}
report(tf.ones([3]))
