# .numpy(), a NumPy call on the parameter and a loop over it: only the first newer blocker, 15.
import numpy as np
import tensorflow as tf


def describe(x):  # expect: fail=15; eagerOnlyCalls=true numpyOnParameters=true tensorIteration=true
    largest = np.max(x)
    for row in x:
        tf.print(row)
    return x.numpy(), largest


describe(tf.constant([[1.0, 2.0], [3.0, 4.0]]))
