from tensorflow import function as graph, square

@graph
def step(x):
    return square(x)
