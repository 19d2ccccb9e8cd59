# The only argument comes from pickle and nothing else types `x`: UNDETERMINABLE_TENSOR_PARAMETER.
import pickle

import tensorflow as tf

with open("features.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def scale_to_unit(x):  # expect: fail=10; tensorParameter=unknown primitiveParameter=false
    return tf.divide(x, tf.reduce_max(tf.abs(x)))


scale_to_unit(loaded)
