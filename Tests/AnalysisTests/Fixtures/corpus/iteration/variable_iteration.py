# A tf.Variable parameter is tensor-valued; looping over it is tensor iteration: fail 20.
import tensorflow as tf


def clip_each(v):  # expect: fail=20
    out = []
    for element in v:
        out.append(tf.clip_by_value(element, -1.0, 1.0))
    return tf.stack(out)


clip_each(tf.Variable([2.0, -3.0, 0.5]))
