import logging

import numpy as np
import pytest
import tensorflow as tf

from seqmodel import utils
from seqmodel.models import GRUClassifier
from seqmodel.training import ClassifierTrainer, RegressionTrainer, Trainer

STEPS = 20


def test_classifier_train_step_overfits_one_batch(batch):
    x, labels, _ = batch
    trainer = ClassifierTrainer(x, units=16, learning_rate=0.02)
    targets = trainer.epoch_targets(labels, 0)
    losses = [float(trainer.train_step(x, targets)) for _ in range(STEPS)]
    assert losses[-1] < 0.8 * losses[0]
    assert int(trainer.optimizer.iterations.numpy()) == STEPS


def test_regression_train_step_overfits_one_batch(batch):
    x, _, trend = batch
    trainer = RegressionTrainer(x, dim=8, hidden=16, learning_rate=0.01)
    losses = [float(trainer.train_step(x, trend)) for _ in range(STEPS)]
    assert losses[-1] < 0.5 * losses[0]
    assert int(trainer.optimizer.iterations.numpy()) == STEPS


def test_fit_logs_progress_and_improves_accuracy(sequences, monkeypatch, caplog):
    monkeypatch.setattr(utils, "HISTORY", [])
    x, labels, _ = sequences
    trainer = ClassifierTrainer(x[:32], units=16, learning_rate=0.02)
    before = trainer.accuracy(x, labels)
    with caplog.at_level(logging.INFO, logger="seqmodel.utils"):
        losses = trainer.fit(x, labels, steps=40, batch_size=32, log_every=10)
    assert len(losses) == 40 and all(isinstance(loss, float) for loss in losses)
    assert [step for step, _ in utils.HISTORY] == [10, 20, 30, 40]
    assert utils.HISTORY[-1][1] == pytest.approx(losses[-1])
    assert len([r for r in caplog.records if r.name == "seqmodel.utils"]) == 4
    assert np.mean(losses[-8:]) < np.mean(losses[:8])
    after = trainer.accuracy(x, labels)
    assert after > before and after >= 0.6


def test_evaluate_regression_matches_mean_squared_error(sequences):
    x, _, trend = sequences
    trainer = RegressionTrainer(x[:32], dim=8, hidden=16)
    predictions = trainer.model(tf.constant(x)).numpy()
    assert trainer.evaluate(x, trend) == pytest.approx(float(np.mean((trend - predictions) ** 2)), rel=1e-5)


def test_classifier_epoch_targets_halve_smoothing_each_epoch(batch):
    x, labels, _ = batch
    trainer = ClassifierTrainer(x[:, :4], label_smoothing=0.2)
    for epoch, epsilon in enumerate([0.2, 0.1, 0.05]):
        targets = trainer.epoch_targets(labels, epoch).numpy()
        assert targets.max() == pytest.approx(1.0 - epsilon + epsilon / 3, rel=1e-6)
    np.testing.assert_allclose(trainer.eval_targets(labels).numpy(), tf.one_hot(labels, 3).numpy())


def test_trainer_config_is_flattened(batch):
    x, _, _ = batch
    trainer = ClassifierTrainer(x[:, :4], units=8, learning_rate=0.05)
    assert trainer.config["model.units"] == 8
    assert trainer.config["optimizer.learning_rate"] == 0.05
    assert trainer.config["loss.label_smoothing"] == 0.1


def test_base_trainer_needs_a_loss(batch):
    x, labels, _ = batch
    trainer = Trainer(GRUClassifier(units=4), x[:, :4])
    assert trainer.config == {}
    with pytest.raises(NotImplementedError):
        trainer.compute_loss(labels, labels)
