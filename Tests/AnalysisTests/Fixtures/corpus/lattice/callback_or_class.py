# A parameter holding a function at one call and a class at another: calling it still reaches both,
# so the printing callback's side effect reaches `apply` (4).
import tensorflow as tf


def loud(x):  # expect: fail=4,14
    print(x)
    return x


class Box:
    def __init__(self, value):  # expect: fail=32
        self.value = value


def apply(fn, x):  # expect: fail=4,14
    return fn(x)


apply(loud, tf.ones([2]))
apply(Box, tf.ones([2]))
