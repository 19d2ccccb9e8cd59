# Appending to a module list inside a hybrid happens only per trace: fail 4 with a warning.
import tensorflow as tf

trace_log = []


@tf.function
def step(x):  # expect: fail=4 warning
    trace_log.append(x.shape)
    return tf.square(x)


step(tf.ones([3]))
