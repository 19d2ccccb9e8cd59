# Keras Model.fit inside a function is eager-only: fail 15.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")


def quick_fit(x, y):  # expect: fail=15
    history = model.fit(x, y, epochs=1, verbose=0)
    return history


quick_fit(tf.random.normal([16, 3]), tf.random.normal([16, 1]))
