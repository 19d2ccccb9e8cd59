# A tuple of tensors unpacked inside the function is a tensor parameter: P1.
import tensorflow as tf


def concat_pair(pair):  # expect: P1
    left, right = pair
    return tf.concat([left, right], axis=0)


concat_pair((tf.ones([2]), tf.zeros([3])))
