# `@tensorflow.function` that only ever receives int literals: no tensor parameter: P2.
import tensorflow


@tensorflow.function
def padded_length(length, multiple):  # expect: P2; tensorParameter=false
    return (length + multiple - 1) // multiple * multiple


padded_length(17, 8)
