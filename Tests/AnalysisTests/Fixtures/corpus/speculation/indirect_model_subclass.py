# A class that descends from tf.keras.Model through a project base class: speculation: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


class BaseNet(tf.keras.Model):
    pass


class Head(BaseNet):
    def call(self, inputs):  # expect: P1
        return tf.nn.softmax(inputs)


head = Head()
head(loaded)
