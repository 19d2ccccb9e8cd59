# Losses kept in a dict and summed in a loop over `.items()`: the loss that appends to a module
# list is called by `total_loss`, which inherits the side effect.
import tensorflow as tf

SEEN = []


def mse(y, p):  # expect: P1
    return tf.reduce_mean(tf.square(y - p))


def logged_mae(y, p):  # expect: fail=4; sideEffects=true
    SEEN.append("mae")
    return tf.reduce_mean(tf.abs(y - p))


LOSSES = {"mse": mse, "mae": logged_mae}


def total_loss(y, p):  # expect: fail=4; sideEffects=true
    total = 0.0
    for _, loss in LOSSES.items():
        total += loss(y, p)
    return total


total_loss(tf.ones([4]), tf.zeros([4]))
