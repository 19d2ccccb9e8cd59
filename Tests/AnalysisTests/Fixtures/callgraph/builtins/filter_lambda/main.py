def is_even(x):
    return x % 2 == 0


evens = list(filter(lambda x: is_even(x), range(10)))
