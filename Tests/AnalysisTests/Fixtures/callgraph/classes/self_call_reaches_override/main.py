class Shape:
    def area(self):
        return 0

    def report(self):
        return self.area()


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return 3 * self.radius * self.radius


Square(2).report()
Circle(1).report()
Shape().report()
