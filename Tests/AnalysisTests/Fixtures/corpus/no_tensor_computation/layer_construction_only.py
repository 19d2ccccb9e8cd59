# Constructing a Keras layer runs no TF op (weights are built lazily on first call): fail 6,12,14.
import tensorflow as tf


def make_dense(units):  # expect: fail=6,12,14; tensorComputation=false
    return tf.keras.layers.Dense(units, activation="relu")


make_dense(32)
