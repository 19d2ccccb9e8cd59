# input_signature types `x` as a tensor although the argument comes from pickle: info 13.
import pickle

import tensorflow as tf

with open("batch.pkl", "rb") as fh:
    batch = pickle.load(fh)


@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def softplus(x):  # expect: info=13; tensorParameter=true
    return tf.math.softplus(x)


softplus(batch)
