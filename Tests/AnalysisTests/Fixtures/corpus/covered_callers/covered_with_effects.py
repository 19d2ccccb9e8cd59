# A covered helper with a print reports both: the classic 4 and the first newer blocker, 21.
import tensorflow as tf


def debug_relu(x):  # expect: fail=4,21; coveredCallers=true
    print("tracing relu")
    return tf.nn.relu(x)


@tf.function
def model(x):  # expect: fail=4 warning
    return debug_relu(x) * 3.0


model(tf.ones([2]))
