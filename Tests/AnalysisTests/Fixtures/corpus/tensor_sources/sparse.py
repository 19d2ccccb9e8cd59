# A tf.sparse.SparseTensor argument is tensor-like: P1.
import tensorflow as tf


def densify_and_scale(sp, scale):  # expect: P1
    return tf.multiply(tf.sparse.to_dense(sp), scale)


indices = [[0, 0], [1, 2]]
sp = tf.sparse.SparseTensor(indices=indices, values=[1.0, 2.0], dense_shape=[3, 4])
densify_and_scale(sp, tf.constant(0.5))
