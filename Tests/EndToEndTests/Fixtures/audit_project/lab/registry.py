"""Handlers looked up by name, with a call counter and a stats exporter."""
import gzip
import sys

import tensorflow as tf

CALLS = 0


# Case: global write (`CALLS += 1`) reached only through apply_named's getattr: traces see it, static analysis cannot attribute it to apply_named.
def count_call(x):
    global CALLS
    CALLS += 1
    return x * 2


# Case: unresolvable dispatch (getattr on this module with a run-time name).
def apply_named(name, x):
    return getattr(sys.modules[__name__], name)(x)


# Case: file I/O hidden in a library call static analysis does not know (gzip.open), with a tensor parameter: static `sideEffects` false, traces see the write.
def export_stats(x, path):
    mean = tf.reduce_mean(x, axis=0)
    spread = tf.math.reduce_std(x, axis=0)
    with gzip.open(path, "wt") as handle:
        handle.write("column,mean,std\n")
    return tf.stack([mean, spread])
