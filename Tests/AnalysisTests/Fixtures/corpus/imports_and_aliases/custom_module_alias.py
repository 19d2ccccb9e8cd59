# An unusual alias (`import tensorflow as T`) is still TensorFlow: P1.
import tensorflow as T


def cosine(a, b):  # expect: P1
    return T.reduce_sum(T.math.l2_normalize(a, 0) * T.math.l2_normalize(b, 0))


cosine(T.constant([1.0, 0.0]), T.constant([0.6, 0.8]))
