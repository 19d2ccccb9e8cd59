# A chain under one hybrid: both eager helpers run only inside its graph (21, the least fixpoint).
import tensorflow as tf


def _scale(x):  # expect: fail=21; coveredCallers=true
    return x * 2.0


def _features(x):  # expect: fail=21; coveredCallers=true
    return tf.nn.relu(_scale(x))


@tf.function
def forward(x):  # expect: info=13; coveredCallers=false
    return tf.reduce_sum(_features(x))


forward(tf.ones([4, 3]))
