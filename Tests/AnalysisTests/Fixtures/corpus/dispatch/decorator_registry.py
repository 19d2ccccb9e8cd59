# A registering decorator is called on `block` when the module runs: it writes an item of a module
# dict (4), receives a function (6) and runs no op (14). It returns `block` itself, so `block` is
# still the function that callers run.
import tensorflow as tf

REGISTRY = {}


def register(fn):  # expect: fail=4,6,14; reachable=true
    REGISTRY[fn.__name__] = fn
    return fn


@register
def block(x):  # expect: P1; hybrid=false
    return tf.nn.softplus(x)


block(tf.constant([0.0, 1.0]))
