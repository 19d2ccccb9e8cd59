# `eps` has a literal default that no caller supplies, so it is exempt: P1.
import tensorflow as tf


def safe_log(x, eps=1e-6):  # expect: P1; primitiveParameter=false
    return tf.math.log(x + eps)


safe_log(tf.constant([0.0, 1.0, 10.0]))
safe_log(x=tf.constant([2.0]))
