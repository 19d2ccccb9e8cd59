import logging

import tensorflow as tf

from ringgan import logs


def test_log_losses_appends_every_step_and_logs_every_interval(caplog):
    with caplog.at_level(logging.INFO, logger="ringgan.logs"):
        for step in range(5):
            logs.log_losses(step, tf.constant(1.0 + step), tf.constant(0.5), every=2)
    assert logs.HISTORY == [(s, 1.0 + s, 0.5) for s in range(5)]
    assert [r.getMessage() for r in caplog.records] == [
        "step 0: d_loss=1.0000 g_loss=0.5000",
        "step 2: d_loss=3.0000 g_loss=0.5000",
        "step 4: d_loss=5.0000 g_loss=0.5000",
    ]


def test_reset_history_empties_the_shared_list():
    history = logs.HISTORY
    logs.log_losses(1, tf.constant(1.0), tf.constant(2.0), every=10)
    logs.reset_history()
    assert logs.HISTORY == [] and logs.HISTORY is history
