# `self.compute_loss()` in a base class reaches the override in every project subclass: the
# printing override makes the base's step effectful (4); the quiet subclass's override is P1.
import tensorflow as tf


class Trainer:
    def train_step(self, x):  # expect: fail=4
        return self.compute_loss(x) * 2.0

    def compute_loss(self, x):  # expect: P1
        return tf.reduce_mean(x)


class LoudTrainer(Trainer):
    def compute_loss(self, x):  # expect: fail=4
        print("loss of", x)
        return tf.reduce_sum(x)


class QuietTrainer(Trainer):
    def compute_loss(self, x):  # expect: P1
        return tf.reduce_max(x)


LoudTrainer().train_step(tf.ones([2]))
QuietTrainer().train_step(tf.ones([2]))
Trainer().train_step(tf.ones([2]))
