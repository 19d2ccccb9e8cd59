"""A tiny TF2 / Keras 3 lab: one function per case the Hybridize audit must get right.

Expected verdicts are listed next to each def; the hybridization switch in the root
conftest.py (HYBRIDIZE_WRAP) shows which of them break under tf.function.
"""
