# `call` on a Keras Model subclass, reached with pickle input: speculation: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


class TinyNet(tf.keras.Model):
    def __init__(self):  # expect: fail=32
        super().__init__()
        self.w = tf.Variable(tf.random.normal([4, 2]))

    def call(self, inputs):  # expect: P1; tensorParameter=true
        return tf.matmul(inputs, self.w)


net = TinyNet()
net(loaded)
