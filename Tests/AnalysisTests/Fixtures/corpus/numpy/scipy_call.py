# A SciPy function applied to the parameter counts like a NumPy call: fail 16.
import tensorflow as tf
from scipy.special import expit


def calibrated(logits):  # expect: fail=16
    return tf.constant(expit(logits))


calibrated(tf.constant([0.0, 2.0]))
