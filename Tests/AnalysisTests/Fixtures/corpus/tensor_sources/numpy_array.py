# NumPy arrays are tensor-like parameters; the body uses only TF ops: P1.
import numpy as np
import tensorflow as tf


def l2_normalize_rows(matrix):  # expect: P1; tensorParameter=true numpyOnParameters=false
    return tf.math.l2_normalize(matrix, axis=1)


l2_normalize_rows(np.array([[3.0, 4.0], [1.0, 0.0]], dtype=np.float32))
l2_normalize_rows(np.random.rand(5, 2).astype(np.float32))
