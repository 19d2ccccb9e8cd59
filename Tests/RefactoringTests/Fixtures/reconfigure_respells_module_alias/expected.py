import tensorflow as tensorflow_v2


@tensorflow_v2.function(input_signature=[tensorflow_v2.TensorSpec(shape=[None, 4], dtype=tensorflow_v2.float32)])
def step(x):
    return x + 1
