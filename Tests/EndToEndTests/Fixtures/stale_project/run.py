"""Trains a model built by its first step (train_step) and one built beforehand (tuned_step);
both optimizers build their own variables on their first step."""
import keras
import tensorflow as tf

from lab import steps

x = tf.ones([4, 2])
y = tf.fill([4, 1], 3.0)
fresh = keras.Sequential([keras.layers.Dense(1)])
fresh_optimizer = keras.optimizers.SGD(0.1)
for _ in range(3):
    steps.train_step(fresh, fresh_optimizer, x, y)
built = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
built_optimizer = keras.optimizers.SGD(0.1)
for _ in range(3):
    steps.tuned_step(built, built_optimizer, x, y)
