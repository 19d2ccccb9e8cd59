# Variable.assign_add is TF state, not a Python side effect: P1.
import tensorflow as tf

step_counter = tf.Variable(0, dtype=tf.int64)


def counted_sum(x):  # expect: P1; sideEffects=false
    step_counter.assign_add(1)
    return tf.reduce_sum(x)


counted_sum(tf.constant([1.0, 2.0]))
