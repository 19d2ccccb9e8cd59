# .numpy() feeding np.histogram: the eager-only call (15) is the first newer blocker listed.
import numpy as np
import tensorflow as tf


def histogram(x):  # expect: fail=15; numpyOnParameters=true
    counts, _ = np.histogram(x.numpy(), bins=4)
    return counts


histogram(tf.random.normal([100]))
