# A numpy float64 scalar argument added to a float32 tensor with tf.add: fail 22.
import numpy as np
import tensorflow as tf


def shifted(x, eps):  # expect: fail=22
    return tf.add(x, eps)


shifted(tf.ones([2]), np.float64(1e-6))
