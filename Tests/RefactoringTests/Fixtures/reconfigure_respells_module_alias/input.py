import tensorflow as tensorflow_v2


@tensorflow_v2.function
def step(x):
    return x + 1
