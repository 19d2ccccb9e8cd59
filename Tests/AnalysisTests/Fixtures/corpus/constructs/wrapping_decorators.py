# Decorators that return another function: calling the decorated name runs the wrapper, which calls
# the original. The wrapper's print reaches every caller (4), and the decorated functions themselves
# (tf.function goes above every decorator, so it would trace the wrapper). Nested decorators and
# decorated functions passed as values behave the same. (What `*args` receives is not typed, so the
# forwarding wrapper's tensor parameter is undecided, 10.)
import functools

import tensorflow as tf


def logged(fn):  # expect: fail=6,14
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # expect: fail=4,10
        print("calling", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def doubled(fn):  # expect: fail=6,14
    def wrapper(x):  # expect: fail=4
        return fn(x) * 2.0

    return wrapper


def halved(fn):  # expect: fail=6,14
    def wrapper(x):  # expect: P1
        return fn(x) / 2.0

    return wrapper


@logged
def scale(x):  # expect: fail=4
    return x * 3.0


@doubled
@logged
def shift(x):  # expect: fail=4
    return x + 1.0


@halved
def pure(x):  # expect: P1
    return tf.abs(x)


def apply(fn, x):  # expect: fail=4
    return fn(x)


def calls_scale(x):  # expect: fail=4
    return scale(x) + 1.0


def calls_pure(x):  # expect: P1
    return pure(x) + 1.0


calls_scale(tf.ones([2]))
shift(tf.ones([2]))
calls_pure(tf.ones([2]))
apply(scale, tf.ones([2]))
