# tf.zeros, tf.ones and tf.fill produce tensors for both parameters: P1.
import tensorflow as tf


def blend(a, b):  # expect: P1
    return tf.add(0.3 * a, 0.7 * b)


blend(tf.zeros([2, 3]), tf.ones([2, 3]))
blend(tf.fill([2, 3], 0.5), tf.ones([2, 3]))
