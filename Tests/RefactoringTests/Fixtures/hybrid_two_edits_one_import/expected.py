import numpy as np
import tensorflow as tf

@tf.function
def first(x):
    return x + 1

@tf.function
def second(x):
    return x - 1
