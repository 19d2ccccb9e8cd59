# Keras calls these overrides from fit(), which static analysis does not model: no call-graph
# node. The keywords (`call`, `train_step` on a Model) still type them: fail 3,9,11.
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self):  # expect: fail=32
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    def call(self, inputs):  # expect: fail=3,9,11; tensorParameter=true reachable=false
        return self.dense(inputs)

    def train_step(self, data):  # expect: fail=3,9,11; tensorParameter=true reachable=false
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


regressor = Regressor()
regressor.compile(optimizer="sgd")
