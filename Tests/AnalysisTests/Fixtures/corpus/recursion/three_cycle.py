# encode -> mix -> shuffle -> encode: every function on the cycle is recursive: fail 8.
import tensorflow as tf


def encode(x):  # expect: fail=8
    if tf.size(x) > 64:
        return x
    return mix(tf.concat([x, tf.sin(x)], axis=0))


def mix(x):  # expect: fail=8
    return shuffle(tf.reverse(x, axis=[0]))


def shuffle(x):  # expect: fail=8
    return encode(tf.random.shuffle(x))


encode(tf.ones([3]))
