# The nested `go` recurses; the enclosing `unroll` only calls it and is not recursive: P1.
import tensorflow as tf


def unroll(x):  # expect: P1; recursive=false
    def go(v, n):  # expect: fail=8,12; recursive=true
        if n == 0:
            return v
        return go(tf.tanh(v), n - 1)

    return go(x, 3)


unroll(tf.constant([0.3, 0.6]))
