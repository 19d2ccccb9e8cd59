# A script-style training loop: module code draws batches from a dataset (through `enumerate`
# and `take`), so the steps take tensors (P1). `test_step` in a script is no pytest test: pytest
# collects only test_*.py and *_test.py. NumPy arrays from `load_data` reach `evaluate` (P1).
import tensorflow as tf
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
train_ds = tf.data.Dataset.from_tensor_slices((x_train / 255.0, y_train)).shuffle(1000).batch(32)

model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10)])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam()


def train_step(images, labels):  # expect: P1; tensorParameter=true
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(images, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def test_step(images, labels):  # expect: P1
    return loss_fn(labels, model(images, training=False))


def evaluate(xs, ys):  # expect: P1
    return loss_fn(ys, model(xs))


for epoch in range(2):
    for step, (images, labels) in enumerate(train_ds):
        train_step(images, labels)
    for images, labels in train_ds.take(2):
        test_step(images, labels)

evaluate(x_test, y_test)
