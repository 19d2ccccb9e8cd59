from tensorflow import function
import tensorflow as tf


@function(input_signature=[tf.TensorSpec(shape=[8], dtype=tf.int32)])
def step(x):
    return x + 1
