# next(iter(dataset)) at module level yields a tensor batch (module code is no candidate): P1.
import tensorflow as tf

dataset = tf.data.Dataset.from_tensor_slices(tf.random.normal([32, 4])).batch(16)
first_batch = next(iter(dataset))


def center(batch):  # expect: P1
    return tf.subtract(batch, tf.reduce_mean(batch, axis=0))


center(first_batch)
