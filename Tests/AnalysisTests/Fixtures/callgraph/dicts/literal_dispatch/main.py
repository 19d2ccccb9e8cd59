def add(a, b):
    return a + b


def sub(a, b):
    return a - b


OPS = {"add": add, "sub": sub}


def compute(op, a, b):
    return OPS[op](a, b)


compute("add", 1, 2)
