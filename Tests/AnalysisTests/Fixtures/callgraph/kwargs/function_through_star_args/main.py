def first():
    return 1


def second():
    return 2


def call_all(*callbacks):
    return [callback() for callback in callbacks]


call_all(first, second)
