# Recursion, a print and an int literal together: fail 4,8,12.
import tensorflow as tf


def refine(x, rounds):  # expect: fail=4,8,12
    print("round", rounds)
    if rounds == 0:
        return x
    return refine(x - 0.1 * tf.sign(x), rounds - 1)


refine(tf.constant([0.5, -0.5]), 2)
