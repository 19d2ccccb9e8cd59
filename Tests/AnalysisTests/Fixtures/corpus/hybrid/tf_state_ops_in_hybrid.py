# tf.print and Variable.assign_add are not Python side effects: info 13, no warning.
import tensorflow as tf

counter = tf.Variable(0)


@tf.function
def counted_relu(x):  # expect: info=13; sideEffects=false
    counter.assign_add(1)
    tf.print("relu call")
    return tf.nn.relu(x)


counted_relu(tf.constant([-1.0, 2.0]))
