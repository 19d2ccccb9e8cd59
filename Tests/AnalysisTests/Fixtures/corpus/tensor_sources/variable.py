# A tf.Variable argument is tensor-like; reading it is an ordinary TF op: P1.
import tensorflow as tf

weights = tf.Variable(tf.ones([3, 1]), name="weights")


def project(features, kernel):  # expect: P1; tensorParameter=true
    return tf.matmul(features, kernel)


project(tf.constant([[1.0, 2.0, 3.0]]), weights)
