# tf.unstack returns a Python list; looping over it is not a loop over the parameter: P1.
import tensorflow as tf


def max_per_row(x):  # expect: P1; tensorIteration=false
    maxima = []
    for row in tf.unstack(x):
        maxima.append(tf.reduce_max(row))
    return tf.stack(maxima)


max_per_row(tf.constant([[1.0, 4.0], [3.0, 2.0]]))
