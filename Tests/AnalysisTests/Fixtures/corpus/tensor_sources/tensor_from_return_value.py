# A tensor returned by a project function flows into the caller's argument: P1.
import tensorflow as tf


def make_batch():  # expect: fail=6; tensorParameter=false tensorComputation=true
    return tf.random.normal([8, 4])


def softmax_rows(batch):  # expect: P1
    return tf.nn.softmax(batch, axis=-1)


softmax_rows(make_batch())
