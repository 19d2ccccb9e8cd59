def produce():
    return 1


def numbers():
    yield produce()
    yield 2


def consume():
    total = 0
    for n in numbers():
        total += n
    return total


gen = numbers()
next(gen)
consume()
