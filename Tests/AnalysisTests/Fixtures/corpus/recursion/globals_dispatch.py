# A block looked up in globals() by a name from the environment is unresolvable: fail 3,9.
import os

import tensorflow as tf


def relu_block(x):  # expect: P1
    return tf.nn.relu(x)


def run_block(x):  # expect: fail=3,9
    block = globals()[os.environ.get("BLOCK", "relu_block")]
    return block(tf.convert_to_tensor(x))


relu_block(tf.constant([1.0]))
run_block(tf.constant([-2.0, 2.0]))
