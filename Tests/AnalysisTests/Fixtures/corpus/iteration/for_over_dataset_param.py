# A tf.data.Dataset is neither a tensor parameter nor tensor iteration (only its elements are
# tensors): HAS_NO_TENSOR_PARAMETERS only.
import tensorflow as tf


def dataset_total(ds):  # expect: fail=6; tensorParameter=false tensorIteration=false
    total = tf.constant(0.0)
    for batch in ds:
        total += tf.reduce_sum(batch)
    return total


dataset_total(tf.data.Dataset.from_tensor_slices(tf.ones([6])).batch(2))
