# A dict of float literals (an inline config) is a primitive container: fail 12.
import tensorflow as tf


def affine(x, cfg):  # expect: fail=12
    return tf.add(tf.multiply(x, cfg["scale"]), cfg["shift"])


affine(tf.constant([1.0, 2.0]), {"scale": 2.0, "shift": -1.0})
