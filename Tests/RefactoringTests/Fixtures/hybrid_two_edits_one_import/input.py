import numpy as np

def first(x):
    return x + 1

def second(x):
    return x - 1
