# Calls on a module-level logger from logging.getLogger are side effects: fail 4.
import logging

import tensorflow as tf

logger = logging.getLogger(__name__)


def replace_non_finite(x):  # expect: fail=4
    logger.debug("replacing non-finite values")
    return tf.where(tf.math.is_finite(x), x, tf.zeros_like(x))


replace_non_finite(tf.constant([1.0, 2.0]))
