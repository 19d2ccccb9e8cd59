"""Custom training loops built on tf.GradientTape.

``Trainer`` holds a model and an optimizer and owns the generic step and
loop; subclasses fill in the task through hooks (``compute_loss``,
``epoch_targets``, ``eval_targets``).
"""

import keras
import tensorflow as tf

from seqmodel.data import NUM_CLASSES
from seqmodel.losses import l2_penalty, mean_squared_error, smoothed_targets, softmax_cross_entropy
from seqmodel.models import GRUClassifier, TransformerRegressor
from seqmodel.utils import flatten_config, log_progress


class Trainer:
    """Generic trainer: one GradientTape step, a step-counted loop, evaluation.

    The model is called once on ``sample`` in ``__init__`` so that all its
    weights exist before the first training step; Adam makes its slot
    variables on the first ``apply_gradients``.
    """

    def __init__(self, model, sample, learning_rate=0.01, config=None):
        self.model = model
        self.model(sample)
        self.optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
        self.config = flatten_config(config or {})

    def compute_loss(self, targets, outputs):
        raise NotImplementedError

    def epoch_targets(self, targets, epoch):
        """Training targets for ``epoch``; by default the targets as given."""
        return targets

    def eval_targets(self, targets):
        """Targets the evaluation loss compares against."""
        return targets

    def train_step(self, x, targets):
        """One optimisation step on a batch; returns the loss tensor."""
        with tf.GradientTape() as tape:
            outputs = self.model(x, training=True)
            loss = self.compute_loss(targets, outputs)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        return loss

    def fit(self, x, targets, steps, batch_size=32, log_every=50):
        """Run ``steps`` training steps over ``x`` in order, epoch after epoch.

        Returns the list of per-step losses as Python floats. Every
        ``log_every`` steps the loss goes to ``log_progress``.
        """
        x = tf.convert_to_tensor(x)
        targets = tf.convert_to_tensor(targets)
        batches_per_epoch = int(x.shape[0]) // batch_size
        losses = []
        for step in range(steps):
            epoch, index = divmod(step, batches_per_epoch)
            if index == 0:
                epoch_targets = self.epoch_targets(targets, epoch)
            start = index * batch_size
            loss = self.train_step(x[start : start + batch_size], epoch_targets[start : start + batch_size])
            losses.append(loss)
            if (step + 1) % log_every == 0:
                log_progress(step + 1, loss)
        return [float(loss) for loss in losses]

    def evaluate(self, x, targets):
        """Loss of the model on ``(x, targets)`` as a Python float (eager only)."""
        outputs = self.model(tf.convert_to_tensor(x), training=False)
        return float(self.compute_loss(self.eval_targets(tf.convert_to_tensor(targets)), outputs).numpy())


class ClassifierTrainer(Trainer):
    """Trains ``GRUClassifier`` with label smoothing that halves every epoch,
    plus L2 weight decay on the kernels."""

    def __init__(self, sample, units=16, learning_rate=0.01, label_smoothing=0.1, weight_decay=1e-4):
        super().__init__(
            GRUClassifier(units=units, num_classes=NUM_CLASSES),
            sample,
            learning_rate=learning_rate,
            config={
                "model": {"kind": "gru", "units": units, "num_classes": NUM_CLASSES},
                "optimizer": {"name": "adam", "learning_rate": learning_rate},
                "loss": {"label_smoothing": label_smoothing, "weight_decay": weight_decay},
            },
        )
        self.label_smoothing = label_smoothing
        self.weight_decay = weight_decay

    def compute_loss(self, targets, logits):
        penalty = l2_penalty(self.model.regularized_weights())
        return softmax_cross_entropy(targets, logits) + self.weight_decay * penalty

    def epoch_targets(self, labels, epoch):
        return smoothed_targets(labels, NUM_CLASSES, self.label_smoothing * 0.5**epoch)

    def eval_targets(self, labels):
        return smoothed_targets(labels, NUM_CLASSES, 0.0)

    def accuracy(self, x, labels):
        """Fraction of sequences whose arg-max logit is the label (Python float)."""
        predictions = tf.argmax(self.model(tf.convert_to_tensor(x)), axis=-1, output_type=tf.int32)
        return float(tf.reduce_mean(tf.cast(tf.equal(predictions, labels), tf.float32)))


class RegressionTrainer(Trainer):
    """Trains ``TransformerRegressor`` to predict the total drift with mean squared error."""

    def __init__(self, sample, dim=16, num_heads=2, hidden=32, learning_rate=0.005):
        super().__init__(
            TransformerRegressor(dim=dim, num_heads=num_heads, hidden=hidden),
            sample,
            learning_rate=learning_rate,
            config={
                "model": {"kind": "transformer", "dim": dim, "num_heads": num_heads, "hidden": hidden},
                "optimizer": {"name": "adam", "learning_rate": learning_rate},
            },
        )

    def compute_loss(self, targets, predictions):
        return mean_squared_error(targets, predictions)
