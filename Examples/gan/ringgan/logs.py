"""Loss bookkeeping for the training loop."""

import logging

logger = logging.getLogger(__name__)

# Every logged step, in order: (step, discriminator loss, generator loss).
HISTORY = []


def log_losses(step, d_loss, g_loss, every=100):
    """Append the step's losses to ``HISTORY`` and log them every ``every`` steps."""
    HISTORY.append((step, float(d_loss), float(g_loss)))
    if step % every == 0:
        logger.info("step %d: d_loss=%.4f g_loss=%.4f", step, float(d_loss), float(g_loss))


def reset_history():
    """Forget every logged step (the history is module-level, shared by all runs)."""
    HISTORY.clear()
