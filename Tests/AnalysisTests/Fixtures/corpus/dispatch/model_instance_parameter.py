# A project Keras model is passed to a helper as an argument; calling it runs `Noisy.call`, which
# prints, so the helper has that side effect too.
import tensorflow as tf


class Noisy(tf.keras.Model):
    def call(self, inputs):  # expect: fail=4; sideEffects=true tensorParameter=true
        print("batch of", inputs.shape[0])
        return tf.nn.relu(inputs)


def run_batch(model, x):  # expect: fail=4; sideEffects=true
    return model(x)


run_batch(Noisy(), tf.ones([2, 3]))
