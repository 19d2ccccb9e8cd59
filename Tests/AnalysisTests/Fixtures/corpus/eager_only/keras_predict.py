# Keras Model.predict is eager-only: fail 15.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(2, activation="softmax")])


def predict_probs(x):  # expect: fail=15
    return model.predict(x, verbose=0)


predict_probs(tf.random.normal([4, 3]))
