from tensorflow import function, square

def step(x):
    return square(x)
