# `from tensorflow import function as graph_fn`: a renamed tf.function with literal args: P3.
import tensorflow as tf
from tensorflow import function as graph_fn


@graph_fn
def shift(x, amount):  # expect: P3; hybrid=true primitiveParameter=true
    return x + amount


shift(tf.ones([3]), 1.0)
shift(tf.ones([3]), 2.0)
