# `from tensorflow.keras import layers`: calling a layer object is TensorFlow computation: P1.
import tensorflow as tf
from tensorflow.keras import layers

norm = layers.BatchNormalization()


def normalized_features(x):  # expect: P1
    return norm(x, training=False)


normalized_features(tf.random.normal([4, 6]))
