def increment(x):
    return x + 1


values = list(map(increment, [1, 2, 3]))
