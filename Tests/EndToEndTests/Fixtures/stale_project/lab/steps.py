"""Training steps that read the model's variable list before the forward pass builds it."""
import tensorflow as tf


def train_step(model, optimizer, x, y):
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    optimizer.apply(tape.gradient(loss, variables), variables)
    return loss


def tuned_step(model, optimizer, x, y):
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    optimizer.apply(tape.gradient(loss, variables), variables)
    return loss
