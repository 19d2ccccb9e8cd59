# Speculation needs a parameter besides `self`: `train_step(self)` has none: fail 6.
import tensorflow as tf


class Trainer:
    def train_step(self):  # expect: fail=6; tensorParameter=false
        x = tf.random.normal([8, 4])
        return tf.reduce_sum(x)


Trainer().train_step()
