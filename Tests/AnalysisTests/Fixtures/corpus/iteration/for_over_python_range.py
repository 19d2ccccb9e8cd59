# A loop over range() of a literal is plain Python control flow: P1.
import tensorflow as tf


def smooth(x):  # expect: P1
    for _ in range(3):
        x = tf.nn.avg_pool1d(x, ksize=3, strides=1, padding="SAME")
    return x


smooth(tf.random.normal([1, 10, 1]))
