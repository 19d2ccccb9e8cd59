# `from tensorflow import keras`: a model built with it is TensorFlow computation: P1.
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(3)])


def predicted_labels(x):  # expect: P1
    return tf.argmax(model(x), axis=-1)


predicted_labels(tf.ones([2, 5]))
