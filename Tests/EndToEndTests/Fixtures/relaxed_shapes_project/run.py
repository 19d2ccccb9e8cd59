"""Two hybrid functions traced for three batch sizes: one reads the varying dimension with numpy,
one a fixed dimension. A signature or reduce_retracing makes the varying one None."""
import sys

import numpy as np
import tensorflow as tf

RELAX = sys.argv[1:] == ["--relax"]


@tf.function
def pad_rows(x):
    return x + np.zeros(x.shape[0], np.float32)[:, None]


@tf.function
def pad_columns(x):
    return x + np.zeros(x.shape[1], np.float32)


if RELAX:
    # What P7 would make of pad_rows.
    pad_rows = tf.function(pad_rows.python_function, reduce_retracing=True)

for rows in (2, 3, 4):
    pad_rows(tf.ones([rows, 3]))
    pad_columns(tf.ones([rows, 3]))
print("ran")
