# Appending to a list the function itself created is not a side effect: P1.
import tensorflow as tf


def pyramid(image):  # expect: P1; sideEffects=false
    levels = []
    current = image
    for _ in range(3):
        levels.append(current)
        current = tf.nn.avg_pool2d(current, ksize=2, strides=2, padding="VALID")
    return levels


pyramid(tf.random.uniform([1, 16, 16, 3]))
