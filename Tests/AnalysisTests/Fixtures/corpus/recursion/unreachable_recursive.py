# Nothing calls `countdown` (no call-graph node): side effects and primitive-ness cannot be decided
# and nothing types `x`, but the direct self-call is a definite fact: fail 3,8,10,11.
import tensorflow as tf


def countdown(x, n):  # expect: fail=3,8,10,11; reachable=false recursive=true
    if n == 0:
        return x
    return tf.nn.relu(countdown(x, n - 1))
