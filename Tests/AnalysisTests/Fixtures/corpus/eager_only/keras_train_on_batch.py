# Keras Model.train_on_batch is eager-only: fail 15.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")


def fit_one_batch(x, y):  # expect: fail=15
    return model.train_on_batch(x, y)


fit_one_batch(tf.random.normal([4, 2]), tf.random.normal([4, 1]))
