# A method that increments an attribute of `self` has a side effect: fail 4.
import tensorflow as tf


class CallCounter:
    def __init__(self):  # expect: fail=32
        self.calls = 0

    def relu(self, x):  # expect: fail=4
        self.calls += 1
        return tf.nn.relu(x)


counter = CallCounter()
counter.relu(tf.constant([-1.0, 1.0]))
