import tensorflow as tf   

# a comment   
@tf.function
def step(x):
    return tf.square(x)