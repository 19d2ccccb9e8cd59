# `__call__` on a Keras Model subclass also triggers speculation: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


class Ensemble(tf.keras.Model):
    def __call__(self, inputs):  # expect: P1; tensorParameter=true
        return tf.reduce_mean(tf.stack([tf.nn.softmax(inputs), tf.nn.sigmoid(inputs)]), axis=0)


ensemble = Ensemble()
ensemble(loaded)
