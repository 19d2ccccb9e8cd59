# The lambda handed to map() appends to a global list; the caller runs it: fail 4.
import tensorflow as tf

seen_shapes = []


def record_shapes(tensors):  # expect: fail=4
    list(map(lambda t: seen_shapes.append(t.shape), tensors))
    return tf.add_n(tensors)


record_shapes([tf.ones([2]), tf.zeros([2])])
