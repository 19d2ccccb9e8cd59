# Tests reach a hybrid with a literal (P3) and an eager helper that logs (4).
import logging

import tensorflow as tf


@tf.function
def scale(x, factor):  # expect: P3
    return tf.multiply(x, factor)


def scale_and_log(x):  # expect: fail=4
    logging.debug("scaling")
    return scale(x, 2.0)


def test_scale_doubles():  # expect: fail=4,6
    result = scale_and_log(tf.constant([1.0, 2.0]))
    tf.debugging.assert_near(result, tf.constant([2.0, 4.0]))
