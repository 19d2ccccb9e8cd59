import tensorflow as tf


@tf.function(
    jit_compile=True,  # XLA
)
def step(x):
    return x + 1
