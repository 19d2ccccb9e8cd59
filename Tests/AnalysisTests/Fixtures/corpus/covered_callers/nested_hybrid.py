# A hybrid called only by another hybrid: inlined into the outer graph (info 21, kept as it is).
import tensorflow as tf


@tf.function
def attention(q, k):  # expect: info=13,21; coveredCallers=true
    return tf.nn.softmax(tf.matmul(q, k, transpose_b=True))


@tf.function
def block(q, k):  # expect: info=13; coveredCallers=false
    return attention(q, k) + 1.0


block(tf.ones([2, 4]), tf.ones([2, 4]))
