# `train_step` only receives int literals: tensorParameter is definitely false, so no speculation.
import tensorflow as tf


def train_step(batch_size, seed):  # expect: fail=6,12; tensorParameter=false
    x = tf.random.stateless_normal([batch_size, 4], seed=[seed, 0])
    return tf.reduce_mean(x)


train_step(32, 1)
