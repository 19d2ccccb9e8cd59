# The same schedule in plain Python (6,12,14) and in TF ops (6,12); the step is always a literal.
import tensorflow as tf


def python_schedule(step):  # expect: fail=6,12,14
    return 0.1 * (0.5 ** (step // 10))


def tensor_schedule(step):  # expect: fail=6,12
    return tf.constant(0.1) * tf.pow(0.5, tf.cast(step // 10, tf.float32))


for s in (0, 10, 20):
    python_schedule(s)
    tensor_schedule(s)
