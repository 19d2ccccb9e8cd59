# Keras 3 objects (`import keras`) with a GradientTape step fed by tensors: P1.
import keras
import tensorflow as tf

model = keras.Sequential([keras.layers.Dense(4, activation="relu"), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam(learning_rate=1e-3)


def fit_batch(x, y):  # expect: P1
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.mean_squared_error(y, model(x)))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


fit_batch(tf.random.normal([8, 3]), tf.random.normal([8, 1]))
