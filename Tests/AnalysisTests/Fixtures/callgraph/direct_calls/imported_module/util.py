def setup():
    return scale(1)


def scale(x):
    return x * 2
