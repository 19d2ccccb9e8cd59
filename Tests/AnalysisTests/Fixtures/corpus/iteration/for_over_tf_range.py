# Looping over tf.range (not over the parameter itself) is graph-friendly: P1.
import tensorflow as tf


def running_sum(x):  # expect: P1; tensorIteration=false
    total = tf.zeros_like(x[0])
    for i in tf.range(tf.shape(x)[0]):
        total += x[i]
    return total


running_sum(tf.random.normal([5, 3]))
