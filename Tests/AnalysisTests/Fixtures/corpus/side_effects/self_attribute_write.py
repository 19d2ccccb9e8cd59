# Methods that assign to `self` write state outside the call: fail 4 (also in __init__).
import tensorflow as tf


class MovingAverage:
    def __init__(self, decay):  # expect: fail=32
        self.decay = decay
        self.value = None

    def update(self, x):  # expect: fail=4
        mean = tf.reduce_mean(x)
        if self.value is None:
            self.value = mean
        else:
            self.value = self.decay * self.value + (1.0 - self.decay) * mean
        return self.value


average = MovingAverage(0.99)
average.update(tf.constant([1.0, 2.0]))
