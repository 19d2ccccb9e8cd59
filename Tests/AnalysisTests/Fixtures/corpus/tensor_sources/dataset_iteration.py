# Elements of a tf.data.Dataset iterated at module level are tensors: P1.
import tensorflow as tf

features = tf.random.normal([10, 3])
targets = tf.random.normal([10, 1])
dataset = tf.data.Dataset.from_tensor_slices((features, targets))


def squared_error(x, y):  # expect: P1; tensorParameter=true
    prediction = tf.reduce_sum(x, axis=-1, keepdims=True)
    return tf.square(prediction - y)


for x, y in dataset:
    squared_error(x, y)
