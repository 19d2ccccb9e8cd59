def square(x):
    return x * x


def inner(callback, value):
    return callback(value)


def outer(callback, value):
    return inner(callback, value)


outer(square, 4)
