# A stateless random op and a tf.random.Generator draw both yield tensors: P1.
import tensorflow as tf

gen = tf.random.Generator.from_seed(7)


def add_noise(x, noise):  # expect: P1
    return tf.add(x, tf.clip_by_value(noise, -0.1, 0.1))


clean = tf.random.stateless_normal([16], seed=[1, 2])
add_noise(clean, gen.normal([16]))
