# A pipeline loops over a tuple of stages: it calls each of them, so the stage that prints makes
# the pipeline impure too.
import tensorflow as tf


def center(x):  # expect: fail=4; sideEffects=true
    print("centering", x.shape)
    return x - tf.reduce_mean(x)


def clip(x):  # expect: P1
    return tf.clip_by_value(x, -1.0, 1.0)


def pipeline(x):  # expect: fail=4; sideEffects=true tensorComputation=true
    for stage in (center, clip):
        x = stage(x)
    return x


pipeline(tf.constant([0.5, 3.0, -2.0]))
