"""Building blocks: a minimal GRU-style cell, a learned positional embedding and
a small transformer encoder block."""

import keras
import tensorflow as tf


class MinGRUCell(keras.layers.Layer):
    """One step of a gated recurrent unit, written with a few TensorFlow ops.

    ``call(inputs, state)`` maps the input at one time step ``[batch, features]``
    and the previous state ``[batch, units]`` to the new state. The weights are
    made in ``build`` from the input's feature size.
    """

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, inputs_shape, state_shape):
        features = inputs_shape[-1]
        self.kernel = self.add_weight(
            name="kernel", shape=(features, 3 * self.units), initializer="glorot_uniform"
        )
        self.recurrent_kernel = self.add_weight(
            name="recurrent_kernel", shape=(self.units, 3 * self.units), initializer="orthogonal"
        )
        self.bias = self.add_weight(name="bias", shape=(3 * self.units,), initializer="zeros")

    def call(self, inputs, state):
        x_z, x_r, x_h = tf.split(tf.matmul(inputs, self.kernel) + self.bias, 3, axis=-1)
        u_z, u_r, u_h = tf.split(self.recurrent_kernel, 3, axis=-1)
        update = tf.sigmoid(x_z + tf.matmul(state, u_z))
        reset = tf.sigmoid(x_r + tf.matmul(state, u_r))
        candidate = tf.tanh(x_h + tf.matmul(reset * state, u_h))
        return update * state + (1.0 - update) * candidate


class PositionalEmbedding(keras.layers.Layer):
    """Adds a learned vector per time step to ``[batch, time, dim]`` inputs."""

    def build(self, input_shape):
        self.positions = self.add_weight(
            name="positions",
            shape=(input_shape[1], input_shape[2]),
            initializer=keras.initializers.RandomNormal(stddev=0.02),
        )

    def call(self, inputs):
        return inputs + self.positions


class TransformerBlock(keras.layers.Layer):
    """Pre-norm self-attention block: attention and a feed-forward network,
    each with a residual connection. No dropout.

    The sublayers are made in ``__init__`` and get their weights the first
    time ``call`` runs them (Keras builds them lazily).
    """

    def __init__(self, dim, num_heads=2, hidden=32, **kwargs):
        super().__init__(**kwargs)
        self.attention_norm = keras.layers.LayerNormalization(epsilon=1e-5)
        self.attention = keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=dim // num_heads)
        self.ffn_norm = keras.layers.LayerNormalization(epsilon=1e-5)
        self.ffn_hidden = keras.layers.Dense(hidden, activation="gelu")
        self.ffn_out = keras.layers.Dense(dim)

    def call(self, inputs):
        normed = self.attention_norm(inputs)
        x = inputs + self.attention(normed, normed)
        return x + self.ffn_out(self.ffn_hidden(self.ffn_norm(x)))
