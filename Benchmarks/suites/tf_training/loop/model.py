"""Keras 3 models: an MLP classifier with a custom layer."""

import keras


class Scale(keras.layers.Layer):
    """Multiplies each feature by a learned factor."""

    def build(self, input_shape):
        self.factor = self.add_weight(
            name="factor", shape=(input_shape[-1],), initializer="ones", trainable=True
        )

    def call(self, inputs):
        return inputs * self.factor


class ResidualBlock(keras.layers.Layer):
    """Dense -> ReLU -> Dense with a skip connection."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.inner = keras.layers.Dense(units, activation="relu")
        self.outer = keras.layers.Dense(units)

    def call(self, inputs):
        return inputs + self.outer(self.inner(inputs))


class Classifier(keras.Model):
    """Scale -> Dense -> residual blocks -> logits."""

    def __init__(self, num_classes=4, hidden_units=32, blocks=2, **kwargs):
        super().__init__(**kwargs)
        self.scale = Scale()
        self.embed = keras.layers.Dense(hidden_units, activation="relu")
        self.blocks = [ResidualBlock(hidden_units) for _ in range(blocks)]
        self.classify = keras.layers.Dense(num_classes)

    def call(self, inputs, training=False):
        h = self.embed(self.scale(inputs))
        for block in self.blocks:
            h = block(h)
        return self.classify(h)
