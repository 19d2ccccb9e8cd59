def low():
    return 0


def mid():
    return low


def high():
    return mid()


high()()
