# A symbolic Keras Input (KerasTensor) is a tensor: P1 statically. With traces the Dense layers
# created inside would add code 30 (CREATES_VARIABLES), which static analysis cannot see.
import tensorflow as tf


def classifier_head(features):  # expect: P1; tensorParameter=true
    hidden = tf.keras.layers.Dense(16, activation="relu")(features)
    return tf.keras.layers.Dense(3)(hidden)


inputs = tf.keras.Input(shape=(8,))
outputs = classifier_head(inputs)
model = tf.keras.Model(inputs, outputs)
