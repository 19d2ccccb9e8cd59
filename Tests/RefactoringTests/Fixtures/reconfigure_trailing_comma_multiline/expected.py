import tensorflow as tf


@tf.function(
    jit_compile=True, input_signature=[tf.TensorSpec(shape=[None, 4], dtype=tf.float32)],  # XLA
)
def step(x):
    return x + 1
