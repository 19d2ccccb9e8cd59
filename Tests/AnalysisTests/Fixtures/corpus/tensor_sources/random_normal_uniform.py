# Tensors from tf.random.normal and tf.random.uniform reach both parameters: P1.
import tensorflow as tf


def dense_relu(x, w):  # expect: P1
    return tf.nn.relu(tf.matmul(x, w))


inputs = tf.random.normal([4, 8])
kernel = tf.random.uniform([8, 2], minval=-0.1, maxval=0.1)
dense_relu(inputs, kernel)
