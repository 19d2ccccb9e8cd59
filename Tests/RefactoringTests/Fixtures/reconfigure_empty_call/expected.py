import tensorflow as tf


@tf.function(reduce_retracing=True )
def step(x):
    return x + 1
