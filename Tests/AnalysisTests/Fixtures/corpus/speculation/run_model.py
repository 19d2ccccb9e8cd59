# `run_model` is a keyword name: speculation types `inputs`: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def run_model(inputs):  # expect: P1; tensorParameter=true
    return tf.nn.softmax(tf.reshape(inputs, [-1, 10]))


run_model(loaded)
