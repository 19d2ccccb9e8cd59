"""Run bookkeeping: flattening the run configuration and logging progress."""

import logging

logger = logging.getLogger(__name__)

# Every logged (step, loss) pair of the process, in order; read by train.py
# and the tests.
HISTORY = []


def flatten_config(config, prefix=""):
    """Flatten a nested dict into ``{"a.b.c": value}``, recursing into sub-dicts."""
    flat = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten_config(value, prefix=f"{name}."))
        else:
            flat[name] = value
    return flat


def log_progress(step, loss):
    """Record the loss of ``step`` in ``HISTORY`` and log it; return it as a Python float."""
    value = float(loss)
    HISTORY.append((step, value))
    logger.info("step %d: loss=%.4f", step, value)
    return value
