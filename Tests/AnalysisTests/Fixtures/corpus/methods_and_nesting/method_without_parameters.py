# Variable.assign through `self` is TF state; a method with only `self` has no tensor parameter.
import tensorflow as tf


class Accumulator:
    def __init__(self):  # expect: fail=32
        self.total = tf.Variable(0.0)

    def add(self, x):  # expect: P1; sideEffects=false
        self.total.assign_add(tf.reduce_sum(x))
        return self.total.read_value()

    def reset(self):  # expect: fail=6; tensorParameter=false
        self.total.assign(0.0)


acc = Accumulator()
acc.add(tf.constant([1.0, 2.0]))
acc.reset()
