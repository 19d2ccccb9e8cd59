# Other tensor-typing hints (string form, tf.Variable, np.ndarray, list[tf.Tensor]): P1 each.
import pickle

import numpy as np
import tensorflow as tf

with open("state.pkl", "rb") as fh:
    state = pickle.load(fh)


def relu6(x: "tf.Tensor"):  # expect: P1
    return tf.nn.relu6(x)


def read_weights(v: tf.Variable):  # expect: P1
    return tf.identity(v)


def to_float_tensor(a: np.ndarray):  # expect: P1
    return tf.convert_to_tensor(a, dtype=tf.float32)


def total(parts: list[tf.Tensor]):  # expect: P1
    return tf.add_n(parts)


relu6(state["x"])
read_weights(state["v"])
to_float_tensor(state["a"])
total(state["parts"])
