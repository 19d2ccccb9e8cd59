"""Custom training loop with ``tf.GradientTape``: a trainer class, its subclasses, the loop."""

import keras
import numpy as np
import tensorflow as tf

from cnn.data import add_noise, noise_stddev
from cnn.logs import log_progress
from cnn.model import build_model


class Trainer:
    """Owns a built model and its optimizer, and runs one optimisation step at a time.

    ``train_step`` and ``test_step`` call the ``compute_loss`` hook, which subclasses
    override to change the objective without touching the steps. Like the TF2 tutorials,
    ``train_step`` also updates running Keras metrics (TensorFlow variables, not Python state).
    """

    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        # Create the optimizer's slot variables now, not inside the first step.
        self.optimizer.build(model.trainable_variables)
        self.train_loss = keras.metrics.Mean(name="train_loss")
        self.train_accuracy = keras.metrics.SparseCategoricalAccuracy(name="train_accuracy")

    def reset_metrics(self):
        """Zero the running training metrics (called by ``fit`` at each epoch start)."""
        self.train_loss.reset_state()
        self.train_accuracy.reset_state()

    def compute_loss(self, labels, logits):
        """Mean sparse softmax cross-entropy. Pure TensorFlow."""
        per_example = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
        return tf.reduce_mean(per_example)

    def train_step(self, images, labels):
        """One gradient step on a batch; returns the loss tensor.

        No Python side effects: only TensorFlow variables change (the model's, the
        optimizer's and the metrics').
        """
        with tf.GradientTape() as tape:
            logits = self.model(images, training=True)
            loss = self.compute_loss(labels, logits)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.train_loss.update_state(loss)
        self.train_accuracy.update_state(labels, logits)
        return loss

    def test_step(self, images, labels):
        """Loss and accuracy of the model on a batch, as tensors; changes nothing."""
        logits = self.model(images, training=False)
        loss = self.compute_loss(labels, logits)
        predictions = tf.argmax(logits, axis=-1, output_type=tf.int32)
        accuracy = tf.reduce_mean(tf.cast(tf.equal(predictions, labels), tf.float32))
        return loss, accuracy


class L2Trainer(Trainer):
    """Cross-entropy plus an L2 penalty on every kernel (weight decay through the loss)."""

    def __init__(self, model, optimizer, weight_decay=5e-4):
        super().__init__(model, optimizer)
        self.weight_decay = weight_decay

    def compute_loss(self, labels, logits):
        kernels = [v for v in self.model.trainable_variables if len(v.shape) > 1]
        penalty = tf.add_n([tf.nn.l2_loss(kernel) for kernel in kernels])
        return super().compute_loss(labels, logits) + self.weight_decay * penalty


class LabelSmoothingTrainer(Trainer):
    """Cross-entropy against one-hot targets smoothed towards the uniform distribution."""

    def __init__(self, model, optimizer, smoothing=0.1):
        super().__init__(model, optimizer)
        self.smoothing = smoothing

    def compute_loss(self, labels, logits):
        num_classes = logits.shape[-1]
        targets = tf.one_hot(labels, num_classes)
        targets = targets * (1.0 - self.smoothing) + self.smoothing / num_classes
        per_example = tf.nn.softmax_cross_entropy_with_logits(labels=targets, logits=logits)
        return tf.reduce_mean(per_example)


def make_trainer(config, sample_images):
    """Build the model on ``sample_images`` and wrap it in the trainer ``config`` asks for."""
    model = build_model(sample_images, **config["model"])
    optimizer = keras.optimizers.Adam(learning_rate=config["optimizer"]["learning_rate"])
    options = config["trainer"]
    if options["kind"] == "l2":
        return L2Trainer(model, optimizer, weight_decay=options["weight_decay"])
    if options["kind"] == "label_smoothing":
        return LabelSmoothingTrainer(model, optimizer, smoothing=options["smoothing"])
    return Trainer(model, optimizer)


def fit(trainer, train_batches, steps, augment_noise=0.3, seed=0, log_every=50):
    """Run ``steps`` training steps, cycling through ``train_batches``; return the losses.

    At the start of each epoch the whole training set gets fresh Gaussian noise, sampled
    with NumPy (seeded) and scaled by a strength that anneals per epoch; each step then
    takes its batch from the noisy copy. The losses come back as Python floats, one per
    step; the trainer's running metrics cover the current (last) epoch.
    """
    rng = np.random.default_rng(seed)
    clean = tf.stack([images for images, _ in train_batches])
    losses = []
    for step in range(1, steps + 1):
        epoch, index = divmod(step - 1, len(train_batches))
        if index == 0:
            trainer.reset_metrics()
            noise = tf.constant(rng.standard_normal(tuple(clean.shape), dtype=np.float32))
            noisy = add_noise(clean, noise, noise_stddev(augment_noise, epoch))
        loss = trainer.train_step(noisy[index], train_batches[index][1])
        losses.append(log_progress(step, loss, every=log_every))
    return losses


def evaluate(trainer, eval_batches):
    """Mean loss and accuracy over ``eval_batches``, as Python floats (eager-only: ``.numpy()``)."""
    total_loss = 0.0
    total_accuracy = 0.0
    for images, labels in eval_batches:
        loss, accuracy = trainer.test_step(images, labels)
        total_loss += loss.numpy()
        total_accuracy += accuracy.numpy()
    count = len(eval_batches)
    return float(total_loss / count), float(total_accuracy / count)
