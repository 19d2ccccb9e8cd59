# Functional-API builders on a Keras Input: both take KerasTensors, which a tf.function refuses
# (TF 2.21/Keras 3: ValueError "A KerasTensor is symbolic"): 23; the builder also takes a literal.
import tensorflow as tf


def residual_block(x):  # expect: fail=23
    h = tf.keras.layers.Dense(32, activation="relu")(x)
    return tf.keras.layers.Add()([x, tf.keras.layers.Dense(32)(h)])


def build_classifier(inputs, num_classes):  # expect: fail=12,23
    h = residual_block(tf.keras.layers.Dense(32)(inputs))
    return tf.keras.Model(inputs, tf.keras.layers.Dense(num_classes)(h))


build_classifier(tf.keras.Input(shape=(20,)), 10)
