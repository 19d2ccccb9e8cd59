# Keras Model.evaluate is eager-only: fail 15.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mae")


def validation_loss(x, y):  # expect: fail=15
    return model.evaluate(x, y, verbose=0)


validation_loss(tf.ones([8, 2]), tf.zeros([8, 1]))
