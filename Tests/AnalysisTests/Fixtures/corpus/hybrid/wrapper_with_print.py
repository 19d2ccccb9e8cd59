# A print inside a function wrapped by `tf.function(...)`: fail 4 with a warning.
import tensorflow as tf


def _step(x):  # expect: fail=4 warning; hybrid=true
    print("tracing _step")
    return tf.multiply(x, 2.0)


step = tf.function(_step, reduce_retracing=True)
step(tf.ones([2]))
