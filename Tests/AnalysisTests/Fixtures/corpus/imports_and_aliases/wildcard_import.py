# `from tensorflow import *` brings `function`, `constant` and the ops into scope.
from tensorflow import *  # noqa: F403


@function
def energy(x):  # expect: info=13; hybrid=true
    return reduce_sum(square(x))


def normalized_energy(x):  # expect: P1; hybrid=false
    return energy(x) / cast(size(x), float32)


normalized_energy(constant([1.0, 2.0]))
