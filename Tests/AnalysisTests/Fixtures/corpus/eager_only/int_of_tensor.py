# int() on a tensor (the dynamic batch size) is eager-only: fail 15.
import tensorflow as tf


def batch_size(x):  # expect: fail=15
    return int(tf.shape(x)[0])


batch_size(tf.zeros([32, 10]))
