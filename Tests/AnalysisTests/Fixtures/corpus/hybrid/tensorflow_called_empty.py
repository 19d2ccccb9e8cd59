# `@tensorflow.function()` (called form, no arguments) with tensor arguments: info 13.
import tensorflow


@tensorflow.function()
def halve(x):  # expect: info=13
    return tensorflow.math.divide(x, 2.0)


halve(tensorflow.constant([4.0]))
