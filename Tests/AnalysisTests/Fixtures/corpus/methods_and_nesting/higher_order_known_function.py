# `apply_twice` calls a function-valued parameter that only ever receives the project function
# `soft_clip`; the call resolves through the argument, so nothing is undecidable: P1.
import tensorflow as tf


def soft_clip(x):  # expect: P1
    return tf.tanh(x) * 3.0


def apply_twice(fn, x):  # expect: P1; recursive=false
    return fn(fn(x))


apply_twice(soft_clip, tf.constant([5.0]))
