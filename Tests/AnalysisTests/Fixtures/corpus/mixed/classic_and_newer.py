# A print, an int literal and NumPy on the parameter: classic 4,12 plus newer 16.
import numpy as np
import tensorflow as tf


def robust_clip(x, q):  # expect: fail=4,12,16
    cutoff = np.percentile(x, q)
    print("cutoff", cutoff)
    return tf.clip_by_value(x, -cutoff, cutoff)


robust_clip(tf.constant([1.0, 50.0, 3.0]), 95)
