# `*args`/`**kwargs` forwarding: a function passed to a runner is called where the runner calls
# it, so the runner and its caller get the callee's effect (4). Passing a function to a project
# function that only inspects it is no call (P1). `*args` carries callables only in the kinds, so
# what `loud` and `run` receive through it stays undecided (10).
import tensorflow as tf


def loud(x, scale=1.0):  # expect: fail=4,10
    print("scaling", x)
    return x * scale


def run(fn, *args, **kwargs):  # expect: fail=4,10,12
    return fn(*args, **kwargs)


def name_of(fn):  # expect: fail=6,14
    return fn.__name__


def uses_runner(x):  # expect: fail=4
    return run(loud, x, scale=2.0)


def names_it(x):  # expect: P1
    label = name_of(loud)
    return tf.identity(x, name=label)


uses_runner(tf.ones([2]))
names_it(tf.ones([2]))
