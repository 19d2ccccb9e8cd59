# Arrays from np.arange and np.ones are tensor-like; the body stays in TF: P1.
import numpy as np
import tensorflow as tf


def outer_product(a, b):  # expect: P1; numpyOnParameters=false
    return tf.tensordot(tf.cast(a, tf.float32), tf.cast(b, tf.float32), axes=0)


outer_product(np.arange(3), np.ones(4))
