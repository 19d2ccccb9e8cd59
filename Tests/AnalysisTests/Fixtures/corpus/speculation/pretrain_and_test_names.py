# `pretrain_step` and `adversarial_test_step` both match the keywords: P1 each.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def pretrain_step(x):  # expect: P1
    return tf.reduce_mean(tf.square(x))


def adversarial_test_step(x):  # expect: P1
    return tf.reduce_max(tf.abs(x))


pretrain_step(loaded)
adversarial_test_step(loaded)
