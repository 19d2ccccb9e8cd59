import tensorflow as tf


class Model:
    @staticmethod
    @tf.function(
        input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)],  # the batch
        jit_compile=True,
    )  # compiled
    def step(x):
        return x + 1
