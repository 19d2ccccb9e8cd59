def double(x):
    return x * 2


def apply(fn, value):
    return fn(value)


apply(double, 3)
