# jit_compile does not change the verdict of a tensor-only hybrid: info 13.
import tensorflow as tf


@tf.function(jit_compile=True)
def gelu_dense(x, w):  # expect: info=13
    return tf.nn.gelu(tf.matmul(x, w))


gelu_dense(tf.ones([2, 3]), tf.ones([3, 4]))
