# Blocks looked up in a module-level dict by name: the call resolves to every entry, so each
# block receives the tensor, and `apply_block` is held back only by its literal `name`.
import tensorflow as tf


def relu_block(x):  # expect: P1
    return tf.nn.relu(x)


def gelu_block(x):  # expect: P1
    return tf.nn.gelu(x)


BLOCKS = {"relu": relu_block, "gelu": gelu_block}


def apply_block(name, x):  # expect: fail=12; sideEffects=false recursive=false
    return BLOCKS[name](x)


apply_block("relu", tf.constant([-1.0, 2.0]))
apply_block("gelu", tf.constant([-1.0, 2.0]))
