# next() on a module-level iterator advances state outside the call: fail 4.
import tensorflow as tf

dataset = tf.data.Dataset.from_tensor_slices(tf.random.normal([6, 2])).batch(2)
batches = iter(dataset)


def next_projection(w):  # expect: fail=4
    x = next(batches)
    return tf.matmul(x, w)


next_projection(tf.Variable(tf.ones([2, 1])))
