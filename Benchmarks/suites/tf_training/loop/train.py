"""Eager custom training loop built on tf.GradientTape."""

import keras
import tensorflow as tf

from loop.data import augment


def compute_loss(labels, logits):
    """Mean sparse softmax cross-entropy."""
    per_example = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    return tf.reduce_mean(per_example)


def l2_penalty(variables, weight):
    """Weight decay over the kernels."""
    return weight * tf.add_n([tf.nn.l2_loss(v) for v in variables if len(v.shape) == 2])


def accuracy(labels, logits):
    """Fraction of arg-max predictions matching the labels."""
    predictions = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predictions, labels), tf.float32))


def clip(gradients, norm):
    """Clip gradients by global norm."""
    clipped, _ = tf.clip_by_global_norm(gradients, norm)
    return clipped


def train_step(model, optimizer, x, y, weight_decay=1e-4, clip_norm=5.0):
    """One optimisation step; returns (loss, accuracy) tensors."""
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = compute_loss(y, logits) + l2_penalty(model.trainable_variables, weight_decay)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(clip(gradients, clip_norm), model.trainable_variables))
    return loss, accuracy(y, logits)


class History:
    """Collects per-step metrics in Python lists."""

    def __init__(self):
        self.losses = []
        self.accuracies = []

    def record(self, loss, acc):
        self.losses.append(float(loss))
        self.accuracies.append(float(acc))

    def mean_loss(self, last=None):
        values = self.losses[-last:] if last else self.losses
        return sum(values) / len(values)


def fit(model, dataset, epochs, learning_rate=1e-2, use_augment=True):
    """Train for ``epochs`` passes over ``dataset``; returns the History."""
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    history = History()
    for _ in range(epochs):
        for x, y in dataset:
            if use_augment:
                x, y = augment(x, y)
            loss, acc = train_step(model, optimizer, x, y)
            history.record(loss, acc)
    return history


def evaluate(model, dataset):
    """Accuracy over ``dataset`` as a Python float (eager, uses .numpy())."""
    correct = 0.0
    total = 0
    for x, y in dataset:
        logits = model(x, training=False)
        n = int(tf.shape(y)[0].numpy())
        correct += float(accuracy(y, logits).numpy()) * n
        total += n
    return correct / total if total else 0.0
