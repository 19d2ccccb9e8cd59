# A base trainer whose `compute_loss` is abstract and whose subclass implements it: the abstract
# method is never a hybridization target (33); the override is reached through `train_step`'s call
# on `self`, which is a graph already (21), and the base's tf.function `train_step` stays (info 13).
import abc

import tensorflow as tf


class Trainer(abc.ABC):
    @abc.abstractmethod
    def compute_loss(self, y, y_pred):  # expect: fail=33
        """The loss of one batch."""

    @tf.function
    def train_step(self, x, y):  # expect: info=13
        return self.compute_loss(y, x * 2.0)


class SquaredTrainer(Trainer):
    def compute_loss(self, y, y_pred):  # expect: fail=21
        return tf.reduce_mean(tf.square(y - y_pred))


SquaredTrainer().train_step(tf.ones([4]), tf.zeros([4]))
