# print in a hybrid runs only while tracing: fail 4 with a warning.
import tensorflow as tf


@tf.function
def traced_step(x):  # expect: fail=4 warning; sideEffects=true
    print("tracing traced_step")
    return tf.nn.relu(x)


traced_step(tf.constant([-1.0, 1.0]))
