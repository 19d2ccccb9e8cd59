"""The custom training loop: a trainer object with its steps, and the driver."""

import logging

import keras
import tensorflow as tf

from augpipe.augmentations import (
    add_noise,
    augment_batch,
    count_augmented,
    noise_schedule,
    step_seed,
)

logger = logging.getLogger(__name__)

# (step, loss) pairs recorded by `log_progress`.
HISTORY = []


class Trainer:
    """Holds one model, one optimizer and one loss; its steps reuse them."""

    def __init__(self, model, learning_rate=0.005):
        self.model = model
        self.optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
        self.loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    def train_step(self, images, labels):
        """One ``GradientTape`` step on an augmented batch; returns the loss.

        Only TensorFlow state changes (the model's and optimizer's variables;
        the optimizer makes its slots on the first call).
        """
        with tf.GradientTape() as tape:
            logits = self.model(images, training=True)
            loss = self.loss_fn(labels, logits)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        return loss

    def test_step(self, images, labels):
        """Loss and accuracy of the model on one batch, without updating it."""
        logits = self.model(images, training=False)
        loss = self.loss_fn(labels, logits)
        predictions = tf.argmax(logits, axis=-1, output_type=tf.int32)
        accuracy = tf.reduce_mean(tf.cast(tf.equal(predictions, labels), tf.float32))
        return loss, accuracy


def log_progress(step, loss):
    """Log the loss and append ``(step, loss)`` to the module-level ``HISTORY``."""
    value = float(loss)
    HISTORY.append((step, value))
    logger.info("step %d: loss=%.4f", step, value)
    return value


def fit(trainer, dataset, steps, base_seed=0, log_every=50):
    """Train for ``steps`` batches; return the per-step losses as Python floats.

    Each batch is augmented eagerly here, from the Python loop: flips and
    colour jitter with a per-step seed, then Gaussian noise whose strength
    follows ``noise_schedule``.
    """
    losses = []
    for step, (images, labels) in enumerate(dataset.take(steps)):
        images = augment_batch(images, step_seed(base_seed, step))
        images = add_noise(images, step_seed(base_seed + 1, step), noise_schedule(step))
        count_augmented(images)
        loss = trainer.train_step(images, labels)
        losses.append(loss)
        if (step + 1) % log_every == 0:
            log_progress(step + 1, loss)
    return [float(loss) for loss in losses]


def evaluate(trainer, dataset):
    """Mean loss and accuracy over ``dataset`` as Python floats (eager only)."""
    total_loss = 0.0
    total_accuracy = 0.0
    batches = 0
    for images, labels in dataset:
        loss, accuracy = trainer.test_step(images, labels)
        total_loss += loss.numpy()
        total_accuracy += accuracy.numpy()
        batches += 1
    return float(total_loss / batches), float(total_accuracy / batches)
