# A Python for over a NumPy-array parameter iterates a tensor-like value: fail 20.
import numpy as np
import tensorflow as tf


def row_norms(matrix):  # expect: fail=20; tensorIteration=true
    norms = []
    for row in matrix:
        norms.append(tf.norm(row))
    return tf.stack(norms)


row_norms(np.eye(3, dtype=np.float32))
