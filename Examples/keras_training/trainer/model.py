"""Model definitions: a tiny classifier and a custom scaling layer."""

import keras


class Scale(keras.layers.Layer):
    """Multiplies every feature by a learned per-feature factor.

    The weight is created in ``build`` (not ``__init__``) because its shape
    depends on the input, which is the idiomatic Keras way to create
    variables lazily.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.factor = None

    def build(self, input_shape):
        self.factor = self.add_weight(
            name="factor",
            shape=(input_shape[-1],),
            initializer="ones",
            trainable=True,
        )

    def call(self, inputs):
        return inputs * self.factor


class Classifier(keras.Model):
    """Two-layer feed-forward classifier producing unnormalised logits."""

    def __init__(self, num_classes=3, hidden_units=16, **kwargs):
        super().__init__(**kwargs)
        self.num_classes = num_classes
        self.hidden = keras.layers.Dense(hidden_units, activation="relu", name="hidden")
        self.classify = keras.layers.Dense(num_classes, name="logits")

    def call(self, inputs, training=False):
        # `training` is accepted to follow the Keras calling convention; this
        # model has no dropout or batch norm, so it behaves the same either way.
        return self.classify(self.hidden(inputs))
