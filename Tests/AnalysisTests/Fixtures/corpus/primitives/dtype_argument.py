# A tf.DType argument is neither a tensor nor a primitive literal: P1.
import tensorflow as tf


def cast_to(x, dtype):  # expect: P1; primitiveParameter=false
    return tf.cast(x, dtype)


x = tf.constant([1.5, 2.5])
cast_to(x, tf.float16)
cast_to(x, tf.int32)
