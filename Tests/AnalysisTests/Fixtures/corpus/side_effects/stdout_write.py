# Writing to sys.stdout is I/O, just like print: fail 4.
import sys

import tensorflow as tf


def progress(step_loss):  # expect: fail=4
    sys.stdout.write("step done\n")
    return tf.reduce_mean(step_loss)


progress(tf.constant([0.3, 0.2]))
