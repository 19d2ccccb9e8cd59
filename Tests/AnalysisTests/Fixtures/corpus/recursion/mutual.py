# Two functions that call each other are both recursive: fail 8,12 for each.
import tensorflow as tf


def expand(x, steps):  # expect: fail=8,12
    if steps == 0:
        return x
    return contract(tf.concat([x, x], axis=0), steps - 1)


def contract(x, steps):  # expect: fail=8,12
    if steps == 0:
        return x
    return expand(tf.nn.avg_pool1d(x[None, :, None], 2, 2, "VALID")[0, :, 0], steps - 1)


expand(tf.ones([2]), 4)
contract(tf.ones([8]), 2)
