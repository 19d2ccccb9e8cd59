# String names, a name held in a str constant, name=None, and axes in their own slots: P1.
import tensorflow as tf

SCOPE = "total"


def summed(x):  # expect: P1
    return tf.reduce_sum(x, name=SCOPE) + tf.reduce_sum(x, 0, False, "again")


def rooted(x):  # expect: P1
    return tf.sqrt(x, "root") + tf.abs(x, name=None)


def reshaped(x):  # expect: P1
    return tf.concat([tf.cast(x, tf.int32), tf.ones([2], tf.int32)], 0)


summed(tf.ones([2]))
rooted(tf.ones([2]))
reshaped(tf.ones([2]))
