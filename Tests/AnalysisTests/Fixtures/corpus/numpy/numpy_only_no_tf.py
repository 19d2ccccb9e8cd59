# Only NumPy on an array parameter and no TF op: 16 is listed before 14: fail 16.
import numpy as np


def standardize(a):  # expect: fail=16; tensorComputation=false
    return (a - np.mean(a)) / np.std(a)


standardize(np.array([1.0, 2.0, 3.0]))
