# `call` on a Keras Layer (not a Model) subclass is no keyword: the tensor fact stays unknown: 10.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


class Gate(tf.keras.layers.Layer):
    def call(self, inputs):  # expect: fail=10; tensorParameter=unknown
        return tf.multiply(inputs, tf.sigmoid(inputs))


gate = Gate()
gate(loaded)
