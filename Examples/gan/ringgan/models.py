"""The generator (a Sequential MLP) and the discriminator (a subclassed model)."""

import keras
import numpy as np
import tensorflow as tf


def make_generator(latent_dim=8, hidden_units=64):
    """Map latent noise to 2-D points: two ReLU Dense layers and a linear output."""
    return keras.Sequential(
        [
            keras.Input(shape=(latent_dim,)),
            keras.layers.Dense(hidden_units, activation="relu"),
            keras.layers.Dense(hidden_units, activation="relu"),
            keras.layers.Dense(2),
        ],
        name="generator",
    )


class Discriminator(keras.Model):
    """Scores 2-D points with one logit (real > 0 > fake).

    The Dense layers are made in ``__init__`` without input shapes and the
    class has no ``build``: Keras creates their kernels the first time the
    model is called, by running ``call`` symbolically.
    """

    def __init__(self, hidden_units=64, **kwargs):
        super().__init__(**kwargs)
        self.hidden1 = keras.layers.Dense(hidden_units)
        self.hidden2 = keras.layers.Dense(hidden_units)
        self.logit = keras.layers.Dense(1)

    def call(self, inputs, training=False):
        x = tf.nn.leaky_relu(self.hidden1(inputs), alpha=0.2)
        x = tf.nn.leaky_relu(self.hidden2(x), alpha=0.2)
        return self.logit(x)


def count_params(layer):
    """Number of trainable scalars in ``layer``, recursing into nested layers."""
    children = getattr(layer, "layers", None)
    if children:
        return sum(count_params(child) for child in children)
    return sum(int(np.prod(weight.shape)) for weight in layer.trainable_weights)
