def repeat(times):
    def decorate(fn):
        def wrapper(x):
            for _ in range(times):
                x = fn(x)
            return x

        return wrapper

    return decorate


@repeat(3)
def halve(x):
    return x / 2


halve(64)
