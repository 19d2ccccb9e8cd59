# `from tensorflow import constant, reduce_sum`: the bare names resolve to TensorFlow: P1.
from tensorflow import constant, reduce_sum


def total_mass(masses):  # expect: P1
    return reduce_sum(masses)


total_mass(constant([1.5, 2.5]))
