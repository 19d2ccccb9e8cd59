# `**kwargs` is a dict Python builds for each call: popping from it changes nothing the caller
# sees, so `scaled` stays free of side effects; popping from a dict argument is an effect. The
# literal keyword `factor=3.0` is part of the call signature either way (12).
import tensorflow as tf


def scaled(x, **kwargs):  # expect: fail=12; sideEffects=false primitiveParameter=true
    factor = kwargs.pop("factor", 2.0)
    return tf.multiply(x, factor)


def scaled_from(x, options):  # expect: fail=4,12; sideEffects=true
    factor = options.pop("factor", 2.0)
    return tf.multiply(x, factor)


scaled(tf.ones([2]), factor=3.0)
scaled_from(tf.ones([2]), {"factor": 3.0})
