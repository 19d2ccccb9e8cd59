"""What only traces show: a KerasTensor from a factory looked up by name, and a numpy array
whose dtype comes from parsed text. Static analysis types neither; the tracer records both."""
import json
import os

import keras
import numpy as np
import tensorflow as tf


def block(t):
    return keras.layers.Dense(3)(t)


def rescale(x, weights):
    return x * weights


factory = getattr(keras, os.environ.get("INPUT_FACTORY", "Input"))
inputs = factory((4,))
model = keras.Model(inputs, block(inputs))
print(rescale(tf.ones([2]), np.asarray(json.loads("[0.5, 2.0]"))))
