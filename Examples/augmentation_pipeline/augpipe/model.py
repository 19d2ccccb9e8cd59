"""A small convolutional classifier built from nested Keras layers."""

import keras
import numpy as np
import tensorflow as tf

from augpipe.data import CHANNELS, IMAGE_SIZE, NUM_CLASSES


class SmallConvNet(keras.Model):
    """Two conv blocks in a ``Sequential`` feature extractor, then a Dense head."""

    def __init__(self, num_classes=NUM_CLASSES, filters=(8, 16), **kwargs):
        super().__init__(**kwargs)
        self.features = keras.Sequential(
            [
                keras.layers.Conv2D(filters[0], 3, padding="same", activation="relu"),
                keras.layers.MaxPooling2D(),
                keras.layers.Conv2D(filters[1], 3, padding="same", activation="relu"),
                keras.layers.GlobalAveragePooling2D(),
            ],
            name="features",
        )
        self.head = keras.layers.Dense(num_classes, name="logits")

    def call(self, images, training=False):
        # No dropout or batch norm: `training` is accepted by convention only.
        return self.head(self.features(images))


def make_model(num_classes=NUM_CLASSES, image_size=IMAGE_SIZE):
    """Build a ``SmallConvNet`` and create its variables on a zero batch.

    Calling the model once here means that no training step ever creates
    model variables.
    """
    model = SmallConvNet(num_classes=num_classes)
    model(tf.zeros([1, image_size, image_size, CHANNELS]))
    return model


def count_parameters(layer):
    """Number of scalar weights in ``layer``, walking nested layers recursively.

    A container (a model or a ``Sequential``) is the sum of its sub-layers;
    a leaf layer counts its own weights. Returns a Python int.
    """
    children = getattr(layer, "layers", None)
    if children:
        return sum(count_parameters(child) for child in children)
    return int(sum(np.prod(weight.shape) for weight in layer.weights))
