class Base:
    def __init__(self, size):
        self.size = size


class Child(Base):
    def __init__(self, size, name):
        super().__init__(size)
        self.name = name


Child(1, "a")
