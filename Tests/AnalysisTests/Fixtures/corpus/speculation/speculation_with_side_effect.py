# Speculation types the parameter (no 10), but the print still blocks: fail 4.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def train_step(x):  # expect: fail=4; tensorParameter=true
    print("training on a batch")
    return tf.reduce_sum(x)


train_step(loaded)
