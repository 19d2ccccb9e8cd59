# Scaled dot-product attention; `mask` defaults to None and is only ever given a tensor: P1.
import tensorflow as tf


def attention(q, k, v, mask=None):  # expect: P1
    scores = tf.matmul(q, k, transpose_b=True)
    scores = scores / tf.sqrt(tf.cast(tf.shape(k)[-1], scores.dtype))
    if mask is not None:
        scores += (1.0 - mask) * -1e9
    return tf.matmul(tf.nn.softmax(scores, axis=-1), v)


q = tf.random.normal([2, 4, 8])
attention(q, q, q)
attention(q, q, q, mask=tf.ones([2, 4, 4]))
