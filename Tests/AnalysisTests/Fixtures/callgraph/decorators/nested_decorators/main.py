def outer(fn):
    def outer_wrapper(x):
        return fn(x) + 1

    return outer_wrapper


def inner(fn):
    def inner_wrapper(x):
        return fn(x) * 2

    return inner_wrapper


@outer
@inner
def base(x):
    return x


base(3)
