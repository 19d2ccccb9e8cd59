def base(x):
    return x


square = lambda x: base(x) * base(x)
square(3)
