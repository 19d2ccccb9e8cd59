"""Only a docstring and a future import."""
from __future__ import annotations
def step(x):
    return x * 2
