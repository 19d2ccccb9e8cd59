# `training_step` also has `train` before `_step`: speculation fires: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def training_step(batch):  # expect: P1; tensorParameter=true
    return tf.reduce_mean(tf.math.log1p(tf.abs(batch)))


training_step(loaded)
