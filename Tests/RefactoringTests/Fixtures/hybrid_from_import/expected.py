from tensorflow import function, square

@function
def step(x):
    return square(x)
