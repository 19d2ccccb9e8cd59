class Layer:
    def __call__(self, x):
        return self.call(x)

    def call(self, x):
        return x


class Dense(Layer):
    def call(self, x):
        return x * 2


class Dropout(Layer):
    def call(self, x):
        return x


Dense()(1)
Dropout()(1)
Layer()(1)
