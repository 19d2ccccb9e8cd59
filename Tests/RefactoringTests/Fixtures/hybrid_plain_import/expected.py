import tensorflow

@tensorflow.function
def step(x):
    return tensorflow.square(x)
