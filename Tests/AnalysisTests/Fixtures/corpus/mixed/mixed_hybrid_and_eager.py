# A tensor-only hybrid (13), its pure helper that only the hybrid calls (21), and a logging wrapper around it (4).
import logging

import tensorflow as tf


def _log(message):  # expect: fail=4,6,12,14
    logging.info(message)


def _normalize(x):  # expect: fail=21
    return tf.math.l2_normalize(x, axis=-1)


@tf.function
def similarity(a, b):  # expect: info=13
    return tf.reduce_sum(_normalize(a) * _normalize(b), axis=-1)


def compare(a, b):  # expect: fail=4
    _log("comparing embeddings")
    return similarity(a, b)


compare(tf.ones([2, 3]), tf.ones([2, 3]))
