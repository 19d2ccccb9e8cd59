# A tuple of int literals (a pooling window) is a primitive container: fail 12.
import tensorflow as tf


def downsample(images, window):  # expect: fail=12
    return tf.nn.avg_pool2d(images, ksize=window, strides=window, padding="VALID")


batch = tf.random.uniform([2, 8, 8, 3])
downsample(batch, (2, 2))
