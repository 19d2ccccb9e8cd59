# int() on a tensor (the dynamic batch size) traces: AutoGraph casts it to an int32 tensor (P1).
import tensorflow as tf


def batch_size(x):  # expect: P1
    return int(tf.shape(x)[0])


batch_size(tf.zeros([32, 10]))
