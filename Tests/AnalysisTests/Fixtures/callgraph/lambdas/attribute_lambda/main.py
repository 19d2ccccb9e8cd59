def compute(x):
    return x * 10


class Model:
    def __init__(self):
        self.fn = lambda x: compute(x)

    def predict(self, x):
        return self.fn(x)


Model().predict(1)
