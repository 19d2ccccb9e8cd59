def target(a, b=0):
    return a + b


def forward(*args, **kwargs):
    return target(*args, **kwargs)


forward(1, b=2)
