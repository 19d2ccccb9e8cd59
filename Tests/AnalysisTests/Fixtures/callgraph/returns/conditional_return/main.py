def fast():
    return 1


def slow():
    return 2


def choose(quick):
    if quick:
        return fast
    return slow


choose(True)()
choose(False)()
