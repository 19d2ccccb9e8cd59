# next() on an iterator the caller passed in is iterator advancement: fail 4.
import tensorflow as tf


def pull_and_sum(iterator, bias):  # expect: fail=4
    batch = next(iterator)
    return tf.reduce_sum(batch) + bias


stream = iter(tf.data.Dataset.range(10).batch(5))
pull_and_sum(stream, tf.constant(1, dtype=tf.int64))
