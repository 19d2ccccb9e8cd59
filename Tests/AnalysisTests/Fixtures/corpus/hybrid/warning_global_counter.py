# A global counter in a hybrid only counts traces: fail 4 with a warning.
import tensorflow as tf

calls = 0


@tf.function
def counted(x):  # expect: fail=4 warning
    global calls
    calls += 1
    return tf.add(x, 1.0)


counted(tf.ones([2]))
