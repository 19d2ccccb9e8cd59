# `raise C()` runs C's constructor; `except E as e: e.method()` runs E's method.
import tensorflow as tf

FAILURES = []


class LoggedError(Exception):
    def __init__(self, message):  # expect: fail=32; sideEffects=true
        super().__init__(message)
        FAILURES.append(message)


class ShapeProblem(Exception):
    def report(self):  # expect: fail=4,6,14
        print("shape problem:", self)


def checked(x):  # expect: fail=4
    if x.shape.rank != 1:
        raise LoggedError("rank")
    return x * 2.0


def guarded(x):  # expect: fail=4
    try:
        return tf.reshape(x, [2])
    except ShapeProblem as problem:
        problem.report()
        return x


def plain(x):  # expect: P1
    if x.shape.rank != 1:
        raise ValueError("rank")
    return x * 2.0


checked(tf.ones([2]))
guarded(tf.ones([2]))
plain(tf.ones([2]))
