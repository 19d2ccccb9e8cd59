def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling")
        return fn(*args, **kwargs)

    return wrapper


@logged
def add(a, b):
    return a + b


add(1, 2)
