# The output of calling a Keras layer on a tensor is a tensor: P1.
import tensorflow as tf

embedding = tf.keras.layers.Embedding(100, 8)
embedded = embedding(tf.constant([[4, 8, 15]]))


def mean_pool(sequence):  # expect: P1
    return tf.reduce_mean(sequence, axis=1)


mean_pool(embedded)
