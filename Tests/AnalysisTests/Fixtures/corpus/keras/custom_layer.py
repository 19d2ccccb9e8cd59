# A custom layer: its constructor creates a Variable (a TF op) on self; `call` converts.
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self, size):  # expect: fail=32
        super().__init__()
        self.gamma = tf.Variable(tf.ones([size]))

    def call(self, inputs):  # expect: P1
        return tf.multiply(inputs, self.gamma)


layer = Scale(4)
layer(tf.random.normal([2, 4]))
