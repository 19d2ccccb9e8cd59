# `import numpy as onp`: an unusual alias is still NumPy: fail 16.
import numpy as onp
import tensorflow as tf


def upper_quantile(x):  # expect: fail=16
    cutoff = onp.percentile(x, 90)
    return tf.clip_by_value(x, 0.0, cutoff)


upper_quantile(tf.constant([1.0, 5.0, 9.0]))
