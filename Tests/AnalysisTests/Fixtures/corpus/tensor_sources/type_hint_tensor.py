# The `tf.Tensor` hint types `x` although the argument comes from pickle (kind unknown): P1.
import pickle

import tensorflow as tf

with open("features.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def scale_to_unit(x: tf.Tensor) -> tf.Tensor:  # expect: P1; tensorParameter=true
    return tf.divide(x, tf.reduce_max(tf.abs(x)))


scale_to_unit(loaded)
