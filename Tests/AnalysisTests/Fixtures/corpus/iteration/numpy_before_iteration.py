# A NumPy call on the parameter and a loop over it: 16 is listed, 20 is not (first blocker only).
import numpy as np
import tensorflow as tf


def shifted_rows(x):  # expect: fail=16; numpyOnParameters=true tensorIteration=true
    lowest = np.min(x)
    rows = []
    for row in x:
        rows.append(row - lowest)
    return tf.stack(rows)


shifted_rows(tf.constant([[1.0, 2.0], [3.0, 4.0]]))
