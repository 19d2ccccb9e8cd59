# A hybrid with an input_signature called with tensors: info 13 (nothing to reconfigure).
import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 4], dtype=tf.float32)])
def embed(x):  # expect: info=13
    return tf.math.l2_normalize(x, axis=-1)


embed(tf.random.normal([2, 4]))
