# `from tensorflow import data as tfdata`: elements of its datasets are tensors: P1.
import tensorflow as tf
from tensorflow import data as tfdata

pipeline = tfdata.Dataset.from_tensor_slices(tf.range(10.0)).batch(5)


def rms(batch):  # expect: P1
    return tf.sqrt(tf.reduce_mean(tf.square(batch)))


for batch in pipeline:
    rms(batch)
