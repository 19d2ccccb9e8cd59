import keras
import numpy as np
import pytest
import tensorflow as tf

from cnn import logs
from cnn.logs import HISTORY, clear_history, log_progress
from cnn.model import build_model
from cnn.train import L2Trainer, LabelSmoothingTrainer, Trainer, evaluate, fit


@pytest.fixture(autouse=True)
def empty_history():
    clear_history()
    yield
    clear_history()


def make(cls, images, learning_rate=0.01, **kwargs):
    return cls(build_model(images), keras.optimizers.Adam(learning_rate=learning_rate), **kwargs)


def test_base_loss_of_uniform_logits_is_log_of_class_count(shape_batches):
    trainer = make(Trainer, shape_batches[0][0])
    labels = tf.constant([0, 1, 2, 3, 1], dtype=tf.int32)
    loss = trainer.compute_loss(labels, tf.zeros([5, 4]))
    assert loss.numpy() == pytest.approx(np.log(4.0), rel=1e-6)


def test_l2_trainer_adds_the_kernel_penalty(shape_batches):
    images, labels = shape_batches[0]
    trainer = make(L2Trainer, images, weight_decay=0.01)
    logits = trainer.model(images)
    base = Trainer.compute_loss(trainer, labels, logits).numpy()
    kernels = [v.numpy() for v in trainer.model.trainable_variables if len(v.shape) > 1]
    penalty = sum(float(np.sum(k ** 2)) / 2 for k in kernels)
    assert trainer.compute_loss(labels, logits).numpy() == pytest.approx(base + 0.01 * penalty, rel=1e-5)


def test_label_smoothing_matches_the_formula():
    trainer = make(LabelSmoothingTrainer, tf.zeros([2, 12, 12, 1]), smoothing=0.2)
    labels = tf.constant([0, 3], dtype=tf.int32)
    logits = tf.constant([[4.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 2.0]])
    log_probs = tf.nn.log_softmax(logits).numpy()
    targets = np.full((2, 4), 0.05)
    targets[0, 0] = targets[1, 3] = 0.85
    expected = -np.mean(np.sum(targets * log_probs, axis=-1))
    assert trainer.compute_loss(labels, logits).numpy() == pytest.approx(expected, rel=1e-5)
    # Smoothing penalises over-confident correct logits more than plain cross-entropy.
    assert trainer.compute_loss(labels, logits).numpy() > Trainer.compute_loss(trainer, labels, logits).numpy()


@pytest.mark.parametrize("cls", [Trainer, L2Trainer, LabelSmoothingTrainer])
def test_train_step_reduces_the_loss_over_25_steps(shape_batches, cls):
    images, labels = shape_batches[0]
    trainer = make(cls, images)
    initial = [v.numpy().copy() for v in trainer.model.trainable_variables]
    losses = [trainer.train_step(images, labels) for _ in range(25)]
    assert all(isinstance(loss, tf.Tensor) and loss.shape == () for loss in losses)
    assert losses[-1].numpy() < 0.8 * losses[0].numpy()
    assert int(trainer.optimizer.iterations.numpy()) == 25
    # Every weight, convolutions included, got gradients and moved.
    for before, variable in zip(initial, trainer.model.trainable_variables):
        assert not np.array_equal(before, variable.numpy()), variable.path


def test_train_step_updates_the_running_metrics(shape_batches):
    trainer = make(Trainer, shape_batches[0][0])
    losses = [trainer.train_step(*batch).numpy() for _ in range(5) for batch in shape_batches]
    assert float(trainer.train_loss.result()) == pytest.approx(np.mean(losses), rel=1e-5)
    assert 0.0 <= float(trainer.train_accuracy.result()) <= 1.0
    assert int(trainer.train_loss.count.numpy()) == 20
    trainer.reset_metrics()
    assert float(trainer.train_loss.result()) == 0.0
    assert float(trainer.train_accuracy.result()) == 0.0


def test_test_step_is_repeatable_and_changes_nothing(shape_batches):
    trainer = make(L2Trainer, shape_batches[0][0])
    before = [v.numpy().copy() for v in trainer.model.trainable_variables]
    results = [trainer.test_step(*batch) for _ in range(5) for batch in shape_batches]
    assert len(results) == 20
    for i, (loss, accuracy) in enumerate(results):
        first_loss, first_accuracy = results[i % len(shape_batches)]
        assert loss.numpy() == first_loss.numpy() and accuracy.numpy() == first_accuracy.numpy()
        assert 0.0 <= accuracy.numpy() <= 1.0
    for old, new in zip(before, trainer.model.trainable_variables):
        np.testing.assert_array_equal(old, new.numpy())


def test_log_progress_records_every_step_and_prints_some(capsys):
    assert log_progress(1, tf.constant(0.5), every=2) == 0.5
    log_progress(2, tf.constant(0.25), every=2)
    assert HISTORY == [(1, 0.5), (2, 0.25)]
    assert capsys.readouterr().out == "step 2: loss 0.2500\n"


def test_fit_logs_each_step(shape_batches, capsys):
    trainer = make(L2Trainer, shape_batches[0][0])
    losses = fit(trainer, shape_batches, steps=8, log_every=4)
    assert len(losses) == 8 and all(isinstance(loss, float) for loss in losses)
    assert logs.HISTORY == list(enumerate(losses, start=1))
    assert capsys.readouterr().out.count("loss") == 2
    # fit resets the metrics at each epoch: they cover the last 4 steps only.
    assert float(trainer.train_loss.result()) == pytest.approx(np.mean(losses[4:]), rel=1e-5)


def test_fit_then_evaluate_improves_accuracy(shape_batches):
    trainer = make(L2Trainer, shape_batches[0][0])
    before_loss, before_accuracy = evaluate(trainer, shape_batches)
    fit(trainer, shape_batches, steps=40, augment_noise=0.3)
    after_loss, after_accuracy = evaluate(trainer, shape_batches)
    assert isinstance(after_loss, float) and isinstance(after_accuracy, float)
    assert after_loss < before_loss
    assert after_accuracy > max(before_accuracy, 0.6)
