# A hybrid `train_step` with pickle input: speculation types it, nothing else to change: info 13.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


@tf.function
def train_step(x, y):  # expect: info=13; tensorParameter=true
    return tf.reduce_mean(tf.square(x - y))


train_step(loaded, loaded)
