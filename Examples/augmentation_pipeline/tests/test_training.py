import logging

import numpy as np
import tensorflow as tf

from augpipe import augmentations, training
from augpipe.data import make_eval_dataset, make_train_dataset, synthetic_images
from augpipe.model import make_model
from augpipe.training import Trainer, evaluate, fit, log_progress


def test_train_step_reduces_the_loss_on_one_batch(batch):
    images, labels = batch
    trainer = Trainer(make_model(), learning_rate=0.01)
    losses = [float(trainer.train_step(images, labels)) for _ in range(25)]
    assert losses[-1] < 0.8 * losses[0]
    assert int(trainer.optimizer.iterations.numpy()) == 25


def test_test_step_returns_loss_and_accuracy_without_training(batch):
    images, labels = batch
    trainer = Trainer(make_model())
    before = [v.numpy().copy() for v in trainer.model.trainable_variables]
    results = [trainer.test_step(images, labels) for _ in range(20)]
    loss, accuracy = results[-1]
    assert loss.shape == () and accuracy.shape == ()
    assert 0.0 <= float(accuracy) <= 1.0
    assert all(float(r[0]) == float(loss) for r in results)
    for old, new in zip(before, trainer.model.trainable_variables):
        np.testing.assert_array_equal(old, new.numpy())


def test_fit_trains_on_augmented_batches(caplog):
    images, labels = synthetic_images(160, seed=4)
    dataset = make_train_dataset(images, labels, batch_size=16, seed=4)
    trainer = Trainer(make_model(), learning_rate=0.01)
    counted_before = augmentations.AUGMENTED_IMAGES
    history_before = len(training.HISTORY)
    with caplog.at_level(logging.INFO, logger="augpipe.training"):
        losses = fit(trainer, dataset, steps=40, base_seed=4, log_every=10)
    assert len(losses) == 40 and all(isinstance(loss, float) for loss in losses)
    assert np.mean(losses[-10:]) < np.mean(losses[:10])
    assert augmentations.AUGMENTED_IMAGES - counted_before == 40 * 16
    assert [step for step, _ in training.HISTORY[history_before:]] == [10, 20, 30, 40]
    assert sum("step" in record.getMessage() for record in caplog.records) == 4


def test_evaluate_returns_python_floats():
    images, labels = synthetic_images(64, seed=5)
    trainer = Trainer(make_model())
    loss, accuracy = evaluate(trainer, make_eval_dataset(images, labels, batch_size=16))
    assert isinstance(loss, float) and isinstance(accuracy, float)
    assert loss > 0.0 and 0.0 <= accuracy <= 1.0


def test_log_progress_records_and_logs(caplog):
    before = len(training.HISTORY)
    with caplog.at_level(logging.INFO, logger="augpipe.training"):
        value = log_progress(3, tf.constant(0.25))
    assert value == 0.25
    assert training.HISTORY[before:] == [(3, 0.25)]
    assert "step 3: loss=0.2500" in caplog.text
