# `train_step` is never called: the keyword still types it (no 10), but with no call-graph node
# side effects, recursion and primitive-ness stay undecided: fail 3,9,11.
import tensorflow as tf


def train_step(images, labels):  # expect: fail=3,9,11; tensorParameter=true reachable=false
    logits = tf.reshape(images, [-1, 10])
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
