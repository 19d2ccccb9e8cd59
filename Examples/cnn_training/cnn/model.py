"""The convolutional classifier: subclassed Keras 3 layers with no ``build`` method."""

import keras


class ConvBlock(keras.layers.Layer):
    """A 3x3 ``Conv2D`` with ReLU followed by 2x2 max pooling.

    The sub-layers are made in ``__init__``, but there is no ``build``: the convolution's
    kernel and bias only exist once the block has been called (Keras 3 builds it by running
    ``call``, the first time it sees an input shape).
    """

    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.conv = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.pool = keras.layers.MaxPooling2D(2)

    def call(self, inputs):
        return self.pool(self.conv(inputs))


class ShapeCNN(keras.Model):
    """Two conv blocks, then a small dense head producing unnormalised logits.

    Written like the TF2 "CNN" tutorial's subclassed model: layers in ``__init__``, the
    forward pass in ``call``, no ``build``. ``training`` is accepted by convention; the
    model has no dropout or batch normalisation, so it changes nothing.
    """

    def __init__(self, num_classes=4, filters=(4, 8), hidden_units=16, **kwargs):
        super().__init__(**kwargs)
        self.blocks = [ConvBlock(f, name=f"block{i + 1}") for i, f in enumerate(filters)]
        self.flatten = keras.layers.Flatten()
        self.hidden = keras.layers.Dense(hidden_units, activation="relu", name="hidden")
        self.classify = keras.layers.Dense(num_classes, name="logits")

    def call(self, inputs, training=False):
        x = inputs
        for block in self.blocks:
            x = block(x)
        return self.classify(self.hidden(self.flatten(x)))


def build_model(sample_images, **kwargs):
    """Make a ``ShapeCNN`` and create its variables by calling it once on ``sample_images``.

    Building up front means no training step ever creates model variables.
    """
    model = ShapeCNN(**kwargs)
    model(sample_images)
    return model
