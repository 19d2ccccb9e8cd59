# `train_step` gets pickle-loaded batches (kind unknown): the keyword assumes a tensor parameter: P1.
import pickle

import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD(0.01)

with open("batches.pkl", "rb") as fh:
    batches = pickle.load(fh)


def train_step(features, targets):  # expect: P1; tensorParameter=true
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(features) - targets))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for features, targets in batches:
    train_step(features, targets)
