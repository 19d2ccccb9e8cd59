from tensorflow import function

def step(x, n):
    return x * n
