# Writes to `self` are the method's side effects, but a caller that made the object itself
# (`Accumulator()` in `summed`) changes nothing that outlives its call; a caller that was handed
# the object (`add_to`) does.
import tensorflow as tf


class Accumulator:
    def __init__(self):  # expect: fail=32; sideEffects=false
        self.total = tf.constant(0.0)

    def add(self, x):  # expect: fail=4; sideEffects=true
        self.total = self.total + tf.reduce_sum(x)


def summed(x):  # expect: P1; sideEffects=false
    acc = Accumulator()
    acc.add(x)
    acc.add(x * 2.0)
    return acc.total


def add_to(acc, x):  # expect: fail=4; sideEffects=true
    acc.add(x)


summed(tf.ones([3]))
add_to(Accumulator(), tf.ones([3]))
