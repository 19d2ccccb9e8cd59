import json
import logging

import numpy as np
import pytest
import tensorflow as tf

from trainer import helpers
from trainer.data import make_dataset, synthetic_data
from trainer.model import Classifier
from trainer.train import compute_loss, train_step


@pytest.fixture(autouse=True)
def reset_globals(monkeypatch):
    """Give every test a clean LOSS_HISTORY and STEP."""
    monkeypatch.setattr(helpers, "LOSS_HISTORY", [])
    monkeypatch.setattr(helpers, "STEP", 0)


# ---- helpers with side effects ------------------------------------------


def test_record_loss_appends_to_global_history(batch):
    x, y = batch
    model = Classifier()
    loss = compute_loss(y, model(x))
    helpers.record_loss(loss)
    helpers.record_loss(loss * 2.0)
    assert len(helpers.LOSS_HISTORY) == 2
    assert helpers.LOSS_HISTORY[1].numpy() == pytest.approx(2.0 * loss.numpy())


def test_bump_step_increments_global():
    assert helpers.bump_step() == 1
    assert helpers.bump_step() == 2
    assert helpers.STEP == 2


def test_report_prints_loss(capsys):
    loss = tf.constant(0.25)
    returned = helpers.report(loss)
    assert returned is loss
    out = capsys.readouterr().out
    assert out.startswith("loss:") and "0.25" in out


def test_log_metric_uses_logging(caplog):
    with caplog.at_level(logging.INFO, logger="trainer.helpers"):
        helpers.log_metric("accuracy", 0.875)
    assert [r.getMessage() for r in caplog.records] == ["accuracy=0.875"]


def test_save_metrics_writes_json(tmp_path):
    path = tmp_path / "metrics.json"
    metrics = {"loss": 0.5, "accuracy": 0.75, "epochs": 2}
    assert helpers.save_metrics(path, metrics) == path
    assert json.loads(path.read_text(encoding="utf-8")) == metrics


def test_next_batch_advances_dataset_iterator():
    features, labels = synthetic_data(24, 4, seed=4)
    iterator = iter(make_dataset(features, labels, batch_size=8))
    seen = [helpers.next_batch(iterator)[1].numpy() for _ in range(3)]
    np.testing.assert_array_equal(np.concatenate(seen), labels)
    with pytest.raises(StopIteration):
        helpers.next_batch(iterator)


def test_tracker_update_writes_attributes():
    tracker = helpers.Tracker()
    assert tracker.last is None and tracker.count == 0
    for value in (tf.constant(3.0), tf.constant(1.5)):
        tracker.update(value)
    assert tracker.count == 2
    assert tracker.last.numpy() == pytest.approx(1.5)


def test_make_optimizer_new_optimizer_per_step(batch):
    x, y = batch
    model = Classifier(num_classes=3, hidden_units=16)
    optimizers = []
    losses = []
    for _ in range(5):
        optimizer = helpers.make_optimizer(0.05)
        optimizers.append(optimizer)
        losses.append(train_step(model, optimizer, compute_loss, x, y).numpy())
    # Every call returns a distinct optimizer, each having taken exactly one step.
    assert len({id(opt) for opt in optimizers}) == 5
    assert all(int(opt.iterations.numpy()) == 1 for opt in optimizers)
    assert float(optimizers[0].learning_rate.numpy()) == pytest.approx(0.05)
    assert losses[-1] < losses[0]


def test_fresh_step_builds_new_model_each_call(batch):
    x, y = batch
    first = helpers.fresh_step(x, y)
    second = helpers.fresh_step(x, y)
    for loss in (first, second):
        assert loss.shape == () and np.isfinite(loss.numpy())
        assert loss.numpy() > 0.0
    # Different freshly initialised weights give different losses.
    assert first.numpy() != pytest.approx(second.numpy())


# ---- pure helpers ------------------------------------------------------


def test_scale_multiplies_by_python_float(batch):
    x, _ = batch
    np.testing.assert_allclose(helpers.scale(x, 0.5).numpy(), x.numpy() * 0.5, rtol=1e-6)
    np.testing.assert_allclose(helpers.scale(x, 2.0).numpy(), x.numpy() * 2.0, rtol=1e-6)


def test_tree_sum_recurses_over_nested_lists(batch):
    x, _ = batch
    tree = [x, [x[:2], [x[2:4], []]], tf.ones([3])]
    # x once, rows 0-3 once more, plus three ones; the empty list contributes 0.
    expected = x.numpy().sum() + x.numpy()[:4].sum() + 3.0
    assert helpers.tree_sum(tree).numpy() == pytest.approx(expected, rel=1e-5)
    assert helpers.tree_sum(x).numpy() == pytest.approx(x.numpy().sum(), rel=1e-5)


@pytest.mark.parametrize("n, even", [(0, True), (1, False), (6, True), (9, False)])
def test_mutual_recursion_on_ints(n, even):
    assert helpers.mutual_even(n) is even
    assert helpers.mutual_odd(n) is (not even)


def test_iterate_rows_returns_max_row_sum(batch):
    x, _ = batch
    result = helpers.iterate_rows(x)
    assert result.dtype == tf.float32
    assert result.numpy() == pytest.approx(x.numpy().sum(axis=1).max(), rel=1e-5)


def test_numpy_norm_on_tensor(batch):
    x, _ = batch
    assert helpers.numpy_norm(x) == pytest.approx(tf.norm(x).numpy(), rel=1e-5)


def test_row_sum(batch):
    x, _ = batch
    np.testing.assert_allclose(helpers.row_sum(x).numpy(), x.numpy().sum(axis=1), rtol=1e-5)


def test_parallel_sums_runs_threads(batch):
    x, _ = batch
    tensors = [x, x * 2.0, tf.ones([5, 3])]
    results = helpers.parallel_sums(tensors)
    assert len(results) == 3
    for tensor, result in zip(tensors, results):
        np.testing.assert_allclose(result.numpy(), tensor.numpy().sum(axis=1), rtol=1e-5)


def test_fast_dot_is_tf_function(batch):
    x, _ = batch
    w = tf.ones([4, 2])
    out = helpers.fast_dot(x, w)
    assert isinstance(helpers.fast_dot, tf.types.experimental.PolymorphicFunction)
    assert out.shape == (8, 2)
    np.testing.assert_allclose(out.numpy(), x.numpy() @ np.ones((4, 2), np.float32), rtol=1e-5)
