# A hybrid with a tensor parameter that runs no TF op at all: P6.
import tensorflow as tf


@tf.function
def passthrough(x):  # expect: P6; tensorComputation=false
    return x


passthrough(tf.constant([1.0, 2.0]))
