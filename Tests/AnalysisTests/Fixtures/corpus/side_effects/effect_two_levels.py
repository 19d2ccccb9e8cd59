# A global write two calls down makes every caller impure: fail 4 at each level.
import tensorflow as tf

seen_batches = 0


def _bump():  # expect: fail=4,6,14
    global seen_batches
    seen_batches += 1


def preprocess(x):  # expect: fail=4
    _bump()
    return tf.image.per_image_standardization(x)


def pipeline(x):  # expect: fail=4
    return tf.nn.relu(preprocess(x))


pipeline(tf.random.uniform([8, 8, 3]))
