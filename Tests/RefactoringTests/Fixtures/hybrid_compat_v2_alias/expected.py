import tensorflow.compat.v2 as tf2

@tf2.function
def step(x):
    return tf2.square(x)
