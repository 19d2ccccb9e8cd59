# Writing an attribute of a module-level config object is a side effect: fail 4.
import types

import tensorflow as tf

CONFIG = types.SimpleNamespace(last_norm=None)


def clip_and_remember(grad):  # expect: fail=4
    CONFIG.last_norm = tf.norm(grad)
    return tf.clip_by_norm(grad, 5.0)


clip_and_remember(tf.constant([6.0, 8.0]))
