def a():
    return 1


def b():
    return 2


for fn in [a, b]:
    fn()
