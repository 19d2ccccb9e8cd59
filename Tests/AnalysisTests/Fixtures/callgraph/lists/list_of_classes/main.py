class Red:
    def __init__(self):
        self.name = "red"


class Blue:
    def __init__(self):
        self.name = "blue"


for colour in (Red, Blue):
    colour()
