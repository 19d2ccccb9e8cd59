"""Sequence models (a hand-written GRU-like cell and a tiny transformer) trained
with custom tf.GradientTape loops on synthetic noisy sequences."""
