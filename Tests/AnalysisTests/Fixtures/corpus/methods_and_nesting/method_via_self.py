# One method calling another through `self` passes its tensor along: P1 for both.
import tensorflow as tf


class Encoder:
    def encode(self, x):  # expect: P1
        return self._project(tf.nn.relu(x))

    def _project(self, h):  # expect: P1
        return tf.reduce_sum(h, axis=-1)


Encoder().encode(tf.ones([2, 3]))
