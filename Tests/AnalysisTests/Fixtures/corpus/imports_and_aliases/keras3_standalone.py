# Keras 3 imported as `keras` (TensorFlow backend): calling its model is TF computation: P1.
import keras
import tensorflow as tf

encoder = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(2)])


def encode(x):  # expect: P1
    return tf.math.l2_normalize(encoder(x), axis=-1)


encode(tf.random.normal([3, 4]))
