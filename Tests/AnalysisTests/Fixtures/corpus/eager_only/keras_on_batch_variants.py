# predict_on_batch and test_on_batch are eager-only too: fail 15 for both.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
model.compile(optimizer="adam", loss="mse")


def scores(x):  # expect: fail=15
    return model.predict_on_batch(x)


def batch_loss(x, y):  # expect: fail=15
    return model.test_on_batch(x, y)


scores(tf.ones([2, 5]))
batch_loss(tf.ones([2, 5]), tf.zeros([2, 3]))
