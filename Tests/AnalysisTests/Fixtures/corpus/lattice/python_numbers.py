# Python's own max/min/abs/round on Python numbers stay Python numbers: no tensor computation (6,12,14).


def rounded_ratio(part, whole):  # expect: fail=6,12,14; tensorComputation=false
    return round(abs(part) / max(whole, 1), 2) * 100


rounded_ratio(3, 8)
