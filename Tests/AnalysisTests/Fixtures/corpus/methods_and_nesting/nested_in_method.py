# A helper nested in a method (qualname Attention.scores.<locals>.scaled): P1 for both.
import tensorflow as tf


class Attention:
    def scores(self, q, k):  # expect: P1
        def scaled(m):  # expect: P1
            return m / tf.sqrt(tf.cast(tf.shape(k)[-1], m.dtype))

        return tf.nn.softmax(scaled(tf.matmul(q, k, transpose_b=True)))


Attention().scores(tf.ones([2, 4]), tf.ones([3, 4]))
