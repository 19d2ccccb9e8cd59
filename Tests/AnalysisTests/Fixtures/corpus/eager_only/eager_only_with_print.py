# float() on a tensor (a cast under AutoGraph) and a print: fail 4 only.
import tensorflow as tf


def log_loss(loss):  # expect: fail=4
    value = float(tf.reduce_mean(loss))
    print(f"loss={value:.4f}")
    return value


log_loss(tf.constant([0.25, 0.75]))
