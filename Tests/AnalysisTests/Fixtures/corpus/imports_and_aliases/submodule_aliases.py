# `from tensorflow import math as tfm, random as tfr`: submodule aliases for ops and sources: P1.
from tensorflow import math as tfm
from tensorflow import random as tfr


def log_sum_exp(x):  # expect: P1
    return tfm.reduce_logsumexp(x)


log_sum_exp(tfr.normal([10]))
