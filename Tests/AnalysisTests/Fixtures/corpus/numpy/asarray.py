# np.asarray on a tensor parameter pulls it out of TensorFlow: fail 16.
import numpy as np
import tensorflow as tf


def doubled(x):  # expect: fail=16
    arr = np.asarray(x)
    return tf.convert_to_tensor(arr * 2)


doubled(tf.constant([1, 2, 3]))
