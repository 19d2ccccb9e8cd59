import logging

import pytest
import tensorflow as tf

from seqmodel import utils


def test_flatten_config_joins_nested_keys():
    config = {"model": {"units": 16, "cell": {"kind": "gru"}}, "seed": 0, "empty": {}}
    assert utils.flatten_config(config) == {"model.units": 16, "model.cell.kind": "gru", "seed": 0}


def test_log_progress_records_history_and_logs(monkeypatch, caplog):
    monkeypatch.setattr(utils, "HISTORY", [])
    with caplog.at_level(logging.INFO, logger="seqmodel.utils"):
        assert utils.log_progress(10, tf.constant(0.5)) == pytest.approx(0.5)
        utils.log_progress(20, tf.constant(0.25))
    assert utils.HISTORY == [(10, 0.5), (20, 0.25)]
    assert [r.getMessage() for r in caplog.records] == ["step 10: loss=0.5000", "step 20: loss=0.2500"]
