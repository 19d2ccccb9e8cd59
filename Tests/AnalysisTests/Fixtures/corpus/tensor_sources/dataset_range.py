# Dataset.range yields int64 scalar tensors, not Python ints: a tensor, not a primitive: P1.
import tensorflow as tf


def triangular(i):  # expect: P1; tensorParameter=true primitiveParameter=false
    return tf.math.floordiv(i * (i + 1), 2)


for i in tf.data.Dataset.range(5):
    triangular(i)
