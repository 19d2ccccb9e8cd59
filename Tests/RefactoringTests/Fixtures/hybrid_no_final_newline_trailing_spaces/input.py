import tensorflow as tf   

# a comment   
def step(x):
    return tf.square(x)