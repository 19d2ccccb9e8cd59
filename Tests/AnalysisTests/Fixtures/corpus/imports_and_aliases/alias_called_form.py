# `import tensorflow as T` and the called form `@T.function(reduce_retracing=True)`: P3.
import tensorflow as T


@T.function(reduce_retracing=True)
def power(x, exponent):  # expect: P3
    return T.pow(x, exponent)


power(T.constant([2.0, 3.0]), 2)
power(T.constant([2.0, 3.0]), 3)
