# A method that calls itself through `self` is recursive: fail 8,12.
import tensorflow as tf


class TreeReducer:
    def reduce(self, x, levels):  # expect: fail=8,12
        if levels == 0:
            return tf.reduce_sum(x)
        half = tf.shape(x)[0] // 2
        return self.reduce(x[:half], levels - 1) + self.reduce(x[half:], levels - 1)


TreeReducer().reduce(tf.range(8.0), 3)
