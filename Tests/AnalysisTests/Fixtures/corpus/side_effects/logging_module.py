# A call into the logging module is a side effect: fail 4.
import logging

import tensorflow as tf


def clipped_gradients(grads):  # expect: fail=4
    clipped, norm = tf.clip_by_global_norm(grads, 1.0)
    logging.info("global norm before clipping: %s", norm)
    return clipped


clipped_gradients([tf.constant([3.0, 4.0]), tf.constant([1.0])])
