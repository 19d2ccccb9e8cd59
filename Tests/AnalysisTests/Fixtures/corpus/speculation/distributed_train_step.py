# `distributed_train_step` matches `*train*_step`: speculation types the batch: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def distributed_train_step(inputs):  # expect: P1; tensorParameter=true
    per_replica = tf.nn.relu(inputs)
    return tf.reduce_sum(per_replica)


distributed_train_step(loaded)
