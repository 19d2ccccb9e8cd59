# The model and optimizer arrive as arguments (known Keras objects, neither tensor nor primitive):
# P1 statically. With traces, several model identities would add code 31.
import tensorflow as tf


def train_step(model, optimizer, x, y):  # expect: P1
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


mlp = tf.keras.Sequential([tf.keras.layers.Dense(1)])
adam = tf.keras.optimizers.Adam()
train_step(mlp, adam, tf.random.normal([4, 3]), tf.random.normal([4, 1]))
