"""Custom training loop built on tf.GradientTape."""

import logging

import keras
import tensorflow as tf

logger = logging.getLogger(__name__)


def compute_loss(labels, logits):
    """Mean sparse softmax cross-entropy. Pure TensorFlow."""
    per_example = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    return tf.reduce_mean(per_example)


def accuracy(labels, logits):
    """Fraction of examples whose arg-max logit matches the label. Pure TensorFlow."""
    predictions = tf.argmax(logits, axis=-1, output_type=tf.int32)
    matches = tf.equal(predictions, tf.cast(labels, tf.int32))
    return tf.reduce_mean(tf.cast(matches, tf.float32))


def train_step(model, optimizer, loss_fn, x, y):
    """Run one optimisation step and return the loss tensor.

    No Python side effects: only TensorFlow state (the model's and the
    optimizer's variables) changes, and the result is returned, not logged.
    """
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = loss_fn(y, logits)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def fit(model, dataset, epochs, learning_rate):
    """Train ``model`` on ``dataset``; return the per-epoch mean losses.

    The optimizer is created once, outside the loop, so its slot variables
    are built a single time and reused by every step.
    """
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    history = []
    for epoch in range(epochs):
        losses = []
        for x, y in dataset:
            losses.append(train_step(model, optimizer, compute_loss, x, y))
        epoch_loss = float(tf.reduce_mean(tf.stack(losses)))
        logger.info("epoch %d/%d: loss=%.4f", epoch + 1, epochs, epoch_loss)
        history.append(epoch_loss)
    return history


def evaluate(model, dataset):
    """Return the model's accuracy over ``dataset`` as a Python float.

    Eager-only on purpose: it calls ``.numpy()`` on the batch results and
    accumulates Python numbers.
    """
    correct = 0.0
    total = 0
    for x, y in dataset:
        logits = model(x, training=False)
        batch_size = int(tf.shape(y)[0].numpy())
        correct += accuracy(y, logits).numpy() * batch_size
        total += batch_size
    return float(correct / total) if total else 0.0
