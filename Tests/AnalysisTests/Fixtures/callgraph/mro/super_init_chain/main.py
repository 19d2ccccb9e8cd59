class Base:
    def __init__(self):
        self.parts = []


class Left(Base):
    def __init__(self):
        super().__init__()
        self.parts.append("left")


class Right(Base):
    def __init__(self):
        super().__init__()
        self.parts.append("right")


class Both(Left, Right):
    def __init__(self):
        super().__init__()


Both()
Left()
