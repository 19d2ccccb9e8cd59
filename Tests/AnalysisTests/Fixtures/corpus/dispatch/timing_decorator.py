# A timing decorator returns a wrapper that prints: calling `step` runs the wrapper, so callers
# have its side effect, and so does `step` itself, since `@tf.function` would go above `@timed`
# and trace the print once.
import functools
import time

import tensorflow as tf


def timed(fn):  # expect: fail=6,14
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # expect: fail=4,10
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}: {time.perf_counter() - start:.3f}s")
        return result

    return wrapper


@timed
def step(x):  # expect: fail=4; sideEffects=true
    return tf.nn.relu(x) * 2.0


def run(x):  # expect: fail=4; sideEffects=true
    return step(x)


run(tf.ones([3]))
