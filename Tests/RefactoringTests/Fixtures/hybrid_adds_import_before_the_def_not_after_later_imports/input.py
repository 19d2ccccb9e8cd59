import numpy as np


def step(x):
    return np.square(x)


import keras  # a late import, after the def
