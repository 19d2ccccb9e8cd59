# Functional-API builders on a Keras Input: the block converts (P1); the builder takes a literal.
import tensorflow as tf


def residual_block(x):  # expect: P1
    h = tf.keras.layers.Dense(32, activation="relu")(x)
    return tf.keras.layers.Add()([x, tf.keras.layers.Dense(32)(h)])


def build_classifier(inputs, num_classes):  # expect: fail=12
    h = residual_block(tf.keras.layers.Dense(32)(inputs))
    return tf.keras.Model(inputs, tf.keras.layers.Dense(num_classes)(h))


build_classifier(tf.keras.Input(shape=(20,)), 10)
