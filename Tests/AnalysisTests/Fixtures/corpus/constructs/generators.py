# Generators: iterating one, `next()` on one and `yield from` run its body, side effects included.
import tensorflow as tf


def noisy_batches(x):  # expect: fail=4,14
    for i in range(2):
        print("batch", i)
        yield x


def quiet_batches(x):  # expect: fail=14
    yield x
    yield x


def relay(x):  # expect: fail=4,14
    yield from noisy_batches(x)


def total_of_noisy(x):  # expect: fail=4
    total = tf.zeros_like(x)
    for batch in noisy_batches(x):
        total += batch
    return total


def first_quiet(x):  # expect: P1
    return next(quiet_batches(x)) * 2.0


def first_relayed(x):  # expect: fail=4
    return next(relay(x)) * 2.0


total_of_noisy(tf.ones([2]))
first_quiet(tf.ones([2]))
first_relayed(tf.ones([2]))
