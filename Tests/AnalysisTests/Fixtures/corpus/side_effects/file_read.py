# Reading a file inside the function is file I/O too (a graph would freeze the value): fail 4.
import tensorflow as tf


def scaled_by_config(x):  # expect: fail=4
    with open("scale.txt") as fh:
        scale = float(fh.read())
    return tf.multiply(x, scale)


scaled_by_config(tf.ones([2]))
