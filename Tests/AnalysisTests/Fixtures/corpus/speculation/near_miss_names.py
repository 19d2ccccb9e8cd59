# Names that resemble the keywords but do not match them: no speculation: fail 10 each.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def train_steps(x):  # expect: fail=10
    return tf.reduce_sum(x)


def step_train(x):  # expect: fail=10
    return tf.reduce_sum(x)


def validation_step(x):  # expect: fail=10
    return tf.reduce_sum(x)


def inference_fn(x):  # expect: fail=10
    return tf.reduce_sum(x)


train_steps(loaded)
step_train(loaded)
validation_step(loaded)
inference_fn(loaded)
