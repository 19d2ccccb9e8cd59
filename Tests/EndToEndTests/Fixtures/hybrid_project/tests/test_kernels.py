import tensorflow as tf

from calc import kernels

STEADY_CALLS = 5


def test_function_and_method_through_their_wrappers():
    x = tf.ones([4, 3])
    for _ in range(STEADY_CALLS):
        kernels.scaled_sum(x)
    kernels.scaled_sum(tf.ones([2, 2]))  # a new shape: a retrace

    scaler = kernels.Scaler(3.0)
    for _ in range(STEADY_CALLS):
        scaler.apply(x)
    scaler.apply(tf.ones([7]))

    for _ in range(4):
        kernels.eager_norm(x)


def test_nested_hybrid_call():
    assert float(kernels.outer(tf.ones([3]))) == 7.0
