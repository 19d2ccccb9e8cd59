# enumerate() over a tensor parameter still iterates the tensor in Python: fail 20.
import tensorflow as tf


def weighted_rows(x):  # expect: fail=20; tensorIteration=true
    rows = []
    for i, row in enumerate(x):
        rows.append(row * tf.cast(i + 1, row.dtype))
    return tf.stack(rows)


weighted_rows(tf.ones([3, 2]))
