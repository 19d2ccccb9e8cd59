# Hybrid functions no entry point reaches, running no TF op: their side effects cannot be decided,
# so removing tf.function is not proposed (info 3), unlike a reached one (P6).
import tensorflow as tf


@tf.function
def unused_passthrough(x):  # expect: info=3; tensorComputation=false reachable=false
    return x


@tf.function
def unused_pair():  # expect: info=3
    return [1, 2]


@tf.function
def used_passthrough(x):  # expect: P6
    return x


used_passthrough(tf.ones([2]))
