# The classic custom training step over module-level Keras objects, fed from a dataset: P1.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
loss_fn = tf.keras.losses.MeanSquaredError()
optimizer = tf.keras.optimizers.Adam(1e-3)
dataset = tf.data.Dataset.from_tensor_slices((tf.random.normal([64, 8]), tf.random.normal([64, 1])))


def train_step(x, y):  # expect: P1; tensorParameter=true
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for x, y in dataset.batch(16):
    train_step(x, y)
