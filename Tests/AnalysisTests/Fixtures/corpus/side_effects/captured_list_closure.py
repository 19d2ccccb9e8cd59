# `push` appends to a list captured from its enclosing function: a side effect for `push`. The list
# is created by `stack_sums` and does not outlive its call, so `stack_sums` itself stays P1.
import tensorflow as tf


def stack_sums(tensors):  # expect: P1; sideEffects=false
    sums = []

    def push(t):  # expect: fail=4; sideEffects=true
        sums.append(tf.reduce_sum(t))

    for t in tensors:
        push(t)
    return tf.stack(sums)


stack_sums([tf.ones([2]), tf.ones([3])])
