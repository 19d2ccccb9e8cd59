"""Runs a step of lab.steps chosen by name, as a config file would name it."""
from lab import steps


# Case: dispatcher whose callee static analysis cannot resolve (getattr with a run-time name).
def run_named(name, *args):
    return getattr(steps, name)(*args)
