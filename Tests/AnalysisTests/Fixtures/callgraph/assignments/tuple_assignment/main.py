def first():
    return 1


def second():
    return 2


a, b = first, second
a()
