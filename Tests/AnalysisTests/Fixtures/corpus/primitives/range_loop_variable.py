# `epoch` takes the constant values of range(3); each distinct int retraces: fail 12.
import tensorflow as tf


def decayed(lr, epoch):  # expect: fail=12
    return lr * tf.pow(0.9, tf.cast(epoch, tf.float32))


base_lr = tf.constant(0.1)
for epoch in range(3):
    decayed(base_lr, epoch)
