"""Measures how often tf.function traces the shape functions under the tests' own call plans.

Active only with HYBRIDIZE_CHECK_TRACING=1; writes the counts as JSON to HYBRIDIZE_TRACING_OUT.
"""
import json
import os

import pytest
import tensorflow as tf

from lab import shapes
from tests import call_plans

pytestmark = pytest.mark.skipif(
    os.environ.get("HYBRIDIZE_CHECK_TRACING") != "1", reason="set HYBRIDIZE_CHECK_TRACING=1 to measure tracing"
)


def test_tracing_counts():
    normalize = tf.function(shapes.normalize_batch)
    scale = tf.function(shapes.scale_by)
    for args in call_plans.normalize_calls():
        normalize(*args)
    for args in call_plans.scale_calls():
        scale(*args)
    counts = {
        "normalize_batch": normalize.experimental_get_tracing_count(),
        "scale_by": scale.experimental_get_tracing_count(),
    }
    out = os.environ.get("HYBRIDIZE_TRACING_OUT")
    if out:
        with open(out, "w") as handle:
            json.dump(counts, handle)
    assert counts == {"normalize_batch": 3, "scale_by": 3}
