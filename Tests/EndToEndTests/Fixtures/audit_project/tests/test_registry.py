import gzip

import numpy as np
import tensorflow as tf

from lab import registry


def test_apply_named_counts_calls():
    before = registry.CALLS
    out = registry.apply_named("count_call", tf.ones([3]))
    registry.apply_named("count_call", tf.ones([3]))
    np.testing.assert_allclose(out.numpy(), [2.0, 2.0, 2.0])
    assert registry.CALLS == before + 2


def test_export_stats_writes_header(tmp_path):
    path = tmp_path / "stats.csv.gz"
    x = tf.constant([[1.0, 2.0], [3.0, 6.0]])
    stats = registry.export_stats(x, path)
    np.testing.assert_allclose(stats.numpy(), [[2.0, 4.0], [1.0, 2.0]])
    with gzip.open(path, "rt") as handle:
        assert handle.readline() == "column,mean,std\n"
