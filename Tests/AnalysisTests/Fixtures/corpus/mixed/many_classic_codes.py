# A print, self-recursion, an int literal and no tensor or TF op at all: fail 4,6,8,12,14.


def countdown(n):  # expect: fail=4,6,8,12,14
    print(n)
    if n > 0:
        countdown(n - 1)


countdown(3)
