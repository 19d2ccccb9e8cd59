def identity(x):
    return x


def negate(x):
    return -x


def transform(value, op=identity):
    return op(value)


transform(1)
transform(2, op=negate)
