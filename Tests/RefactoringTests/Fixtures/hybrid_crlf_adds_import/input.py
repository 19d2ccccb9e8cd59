import numpy as np

def step(x):
    return x * 2
