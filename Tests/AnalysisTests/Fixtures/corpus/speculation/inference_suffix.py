# Names ending in `inference` trigger speculation: P1 for both.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


def batch_inference(images):  # expect: P1
    return tf.argmax(tf.reshape(images, [-1, 10]), axis=-1)


def inference(images):  # expect: P1
    return tf.nn.sigmoid(images)


batch_inference(loaded)
inference(loaded)
