# A hybrid calling an eager helper that logs: the hybrid warns, the helper fails with 4.
import logging

import tensorflow as tf


def _log_shape(t):  # expect: fail=4,14
    logging.info("shape %s", t.shape)


@tf.function
def forward(x):  # expect: fail=4 warning
    _log_shape(x)
    return tf.nn.softmax(x)


forward(tf.constant([[1.0, 2.0]]))
