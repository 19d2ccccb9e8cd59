from tensorflow import function


@function
def step(x):
    return x + 1
