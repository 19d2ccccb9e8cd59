# A value rebound through calls, a tensor on one path and a list of itself on another: the inference
# settles on "sometimes a tensor" instead of flipping between kinds, so `y * k` counts (12: `k` is an int).
import tensorflow as tf


def step(x, k):  # expect: fail=8,12
    y = x * k
    x = [x]
    return relay(y, k + 1)


def relay(y, k):  # expect: fail=8,12
    return step(y, k) if k < 3 else y


step(tf.ones([2]), 1)
step(3, 1)
