"""Small classes with methods and properties."""

import math


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm(self):
        return math.sqrt(self.dot(self))


class Particle:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity
        self.steps = 0

    def step(self, dt):
        self.position = self.position.add(self.velocity.scale(dt))
        self.steps += 1

    def energy(self):
        return 0.5 * self.velocity.dot(self.velocity)


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty

    def remove(self, name, qty=1):
        have = self.items.get(name, 0)
        if have <= qty:
            self.items.pop(name, None)
        else:
            self.items[name] = have - qty

    def total(self):
        return sum(self.items.values())
