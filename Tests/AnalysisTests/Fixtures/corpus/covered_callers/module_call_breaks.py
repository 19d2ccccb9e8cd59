# The helper is also called eagerly by module-level code, so its own decorator would pay off there.
import tensorflow as tf


def standardize(x):  # expect: P1; coveredCallers=false
    return (x - tf.reduce_mean(x)) / (tf.math.reduce_std(x) + 1e-6)


@tf.function
def loss(x, y):  # expect: info=13
    return tf.reduce_mean(tf.square(standardize(x) - y))


batch = tf.random.normal([8, 4])
loss(batch, tf.zeros([8, 4]))
print(standardize(batch))
