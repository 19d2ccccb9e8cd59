def inc(x):
    return x + 1


def dec(x):
    return x - 1


ops = [
    lambda x: inc(x),
    lambda x: dec(x),
]
ops[0](1)
ops[1](1)
