# A callable that a library call made (`namedtuple`) is a library value: calling it is a library
# call, not an unresolved one, so nothing is undecidable: P1.
import collections

import tensorflow as tf

Pair = collections.namedtuple("Pair", ["magnitude", "value"])


def pack(x):  # expect: P1; sideEffects=false recursive=false
    return Pair(tf.abs(x), x)


pack(tf.constant([-1.0, 2.0]))
