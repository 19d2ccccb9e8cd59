# Batches of a shuffled, batched dataset built from a NumPy array are tensors: P1.
import numpy as np
import tensorflow as tf

images = np.zeros((64, 28, 28), dtype=np.float32)
dataset = tf.data.Dataset.from_tensor_slices(images).shuffle(64).batch(8)


def batch_statistics(batch):  # expect: P1
    return tf.reduce_mean(batch), tf.reduce_max(batch)


for batch in dataset:
    batch_statistics(batch)
