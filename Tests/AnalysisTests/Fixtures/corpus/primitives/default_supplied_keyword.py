# One caller supplies the defaulted `eps` by keyword with a literal: fail 12.
import tensorflow as tf


def safe_log(x, eps=1e-6):  # expect: fail=12; primitiveParameter=true
    return tf.math.log(x + eps)


safe_log(tf.constant([0.0, 1.0]))
safe_log(tf.constant([0.0, 1.0]), eps=1e-3)
