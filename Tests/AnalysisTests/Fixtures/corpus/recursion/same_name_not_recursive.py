# `Scaler.scale` calls the module-level `scale`, not itself: neither is recursive: P1 for both.
import tensorflow as tf


def scale(x):  # expect: P1; recursive=false
    return tf.multiply(x, 2.0)


class Scaler:
    def scale(self, x):  # expect: P1; recursive=false
        return scale(x) + 1.0


Scaler().scale(tf.ones([2]))
