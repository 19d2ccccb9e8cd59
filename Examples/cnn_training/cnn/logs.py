"""Progress logging for the Python training loop (side effects on purpose)."""

# Every logged step as ``(step, loss)`` Python numbers, in order; module-level state.
HISTORY = []


def log_progress(step, loss, every=50):
    """Record ``loss`` in ``HISTORY`` and print it every ``every`` steps.

    Called by ``fit`` after each training step, from the Python loop (never from inside
    a step): it converts the loss tensor to a Python float, appends to a module-level list
    and prints.
    """
    value = float(loss)
    HISTORY.append((step, value))
    if step % every == 0:
        print(f"step {step}: loss {value:.4f}")
    return value


def clear_history():
    """Empty ``HISTORY`` (the list object stays the same)."""
    HISTORY.clear()
