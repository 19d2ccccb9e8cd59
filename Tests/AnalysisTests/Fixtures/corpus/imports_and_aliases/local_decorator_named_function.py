# A project decorator that happens to be named `function` is not tf.function: `scale` is eager.
import tensorflow as tf

REGISTRY = []


def function(fn):  # expect: fail=4,6,14
    REGISTRY.append(fn.__name__)
    return fn


@function
def scale(x):  # expect: P1; hybrid=false
    return tf.multiply(x, 3.0)


scale(tf.ones([2]))
