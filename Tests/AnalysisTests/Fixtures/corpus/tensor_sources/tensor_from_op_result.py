# A value computed by TF ops and bound to a module name is a tensor argument: P1.
import tensorflow as tf

a = tf.random.normal([3, 3])
gram = tf.matmul(a, a, transpose_b=True)


def trace_ratio(m):  # expect: P1
    return tf.linalg.trace(m) / tf.reduce_sum(tf.abs(m))


trace_ratio(gram)
