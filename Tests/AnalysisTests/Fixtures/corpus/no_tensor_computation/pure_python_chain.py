# Two plain-Python helpers on literals: fail 6,12,14 for both (literals flow into `clamp`).


def clamp(v, lo, hi):  # expect: fail=6,12,14
    return max(lo, min(hi, v))


def percent(v):  # expect: fail=6,12,14
    return clamp(v, 0, 1) * 100


percent(0.25)
