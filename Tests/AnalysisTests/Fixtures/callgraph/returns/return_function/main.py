def real():
    return 1


def factory():
    return real


fn = factory()
fn()
