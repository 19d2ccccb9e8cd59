# A hybrid without parameters has no tensor parameter: P2.
import tensorflow as tf


@tf.function
def lookup_table():  # expect: P2; tensorParameter=false
    return tf.range(10) * 3


lookup_table()
