# Plain Python arithmetic on literals: no tensor parameter, primitives, no TF op: fail 6,12,14.


def area(width, height):  # expect: fail=6,12,14; tensorComputation=false
    return width * height


area(3, 4)
area(2.5, 4.0)
