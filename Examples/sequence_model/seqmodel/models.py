"""The two sequence models: a recurrent classifier and a transformer regressor."""

import keras
import tensorflow as tf

from seqmodel.layers import MinGRUCell, PositionalEmbedding, TransformerBlock


class GRUClassifier(keras.Model):
    """Runs ``MinGRUCell`` over the time axis and classifies the last state.

    The time loop is a plain Python ``for`` over the static sequence length,
    as in the TensorFlow RNN tutorials that unroll a cell by hand. ``call``
    returns unnormalised logits ``[batch, num_classes]``.
    """

    def __init__(self, units=16, num_classes=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.cell = MinGRUCell(units, name="cell")
        self.head = keras.layers.Dense(num_classes, name="head")

    def call(self, inputs, training=False):
        # `training` follows the Keras convention; there is no dropout here.
        state = tf.zeros([tf.shape(inputs)[0], self.units])
        for t in range(inputs.shape[1]):
            state = self.cell(inputs[:, t, :], state)
        return self.head(state)

    def regularized_weights(self):
        """The kernels to decay, grouped by sublayer (biases are left out)."""
        return {
            "cell": [self.cell.kernel, self.cell.recurrent_kernel],
            "head": (self.head.kernel,),
        }


class TransformerRegressor(keras.Model):
    """Projects each step, adds positions, applies ``TransformerBlock`` and
    averages over time to predict one number per sequence."""

    def __init__(self, dim=16, num_heads=2, hidden=32, **kwargs):
        super().__init__(**kwargs)
        self.project = keras.layers.Dense(dim, name="project")
        self.positions = PositionalEmbedding(name="positions")
        self.block = TransformerBlock(dim, num_heads=num_heads, hidden=hidden, name="block")
        self.norm = keras.layers.LayerNormalization(epsilon=1e-5, name="norm")
        self.out = keras.layers.Dense(1, name="out")

    def call(self, inputs, training=False):
        x = self.positions(self.project(inputs))
        x = self.norm(self.block(x))
        return self.out(tf.reduce_mean(x, axis=1))
