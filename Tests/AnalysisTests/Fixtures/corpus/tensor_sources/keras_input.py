# A symbolic Keras Input (KerasTensor) is a tensor, but a tf.function refuses it (TF 2.21/Keras 3:
# ValueError "A KerasTensor is symbolic"): 23. The Dense layers created inside would be 30 with traces.
import tensorflow as tf


def classifier_head(features):  # expect: fail=23; tensorParameter=true
    hidden = tf.keras.layers.Dense(16, activation="relu")(features)
    return tf.keras.layers.Dense(3)(hidden)


inputs = tf.keras.Input(shape=(8,))
outputs = classifier_head(inputs)
model = tf.keras.Model(inputs, outputs)
