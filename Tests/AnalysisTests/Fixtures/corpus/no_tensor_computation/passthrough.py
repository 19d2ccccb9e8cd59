# A tensor parameter that is only returned: no TF op runs: NO_TENSOR_COMPUTATION.
import tensorflow as tf


def identity(x):  # expect: fail=14; tensorComputation=false
    return x


identity(tf.constant([1.0]))
