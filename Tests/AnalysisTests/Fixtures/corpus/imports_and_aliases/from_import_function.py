# `from tensorflow import function`: @function marks a hybrid; only tensors reach it: info 13.
from tensorflow import constant, function, square


@function
def squared(x):  # expect: info=13; hybrid=true
    return square(x)


def plus_one_squared(x):  # expect: P1; hybrid=false
    return squared(x) + 1.0


plus_one_squared(constant([2.0]))
