# Sublayers kept in a list and applied through `enumerate` and `zip`: the calls reach the project
# layer's `call` (P1 for all three), and the loops apply Keras layers (tensor computation).
import tensorflow as tf
from tensorflow import keras


class Inner(keras.layers.Layer):
    def call(self, x):  # expect: P1; reachable=true
        return x * 2.0


class Outer(keras.layers.Layer):
    def __init__(self):  # expect: fail=32
        super().__init__()
        self.blocks = [Inner(), Inner()]
        self.dense = [keras.layers.Dense(4), keras.layers.Dense(4)]

    def call(self, x):  # expect: P1; tensorComputation=true
        for i, block in enumerate(self.blocks):
            x = block(x)
        for layer, scale in zip(self.dense, [1.0, 2.0]):
            x = layer(x) * scale
        return x


Outer()(tf.ones([1, 3]))
