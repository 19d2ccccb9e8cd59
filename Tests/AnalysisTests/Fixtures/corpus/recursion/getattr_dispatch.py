# getattr(self, name) with a name from the command line makes the callee unknown: fail 3,9.
import sys

import tensorflow as tf


class Activations:
    def swish(self, x):  # expect: P1
        return x * tf.sigmoid(x)

    def apply(self, name, x):  # expect: fail=3,9
        return getattr(self, name)(tf.convert_to_tensor(x))


acts = Activations()
acts.swish(tf.constant([1.0]))
acts.apply(sys.argv[1], tf.constant([0.5]))
