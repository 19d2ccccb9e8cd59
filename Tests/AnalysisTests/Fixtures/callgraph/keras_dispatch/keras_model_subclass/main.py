import keras


class BaseModel(keras.Model):
    def train_step(self, data):
        x, y = data
        loss = self.compute_loss(x, y)
        return {"loss": loss}

    def compute_loss(self, x, y):
        return x - y


class Custom(BaseModel):
    def compute_loss(self, x, y):
        return helper(x) - y


def helper(x):
    return x


def fit(model, data):
    return model.train_step(data)


fit(Custom(), (1, 2))
fit(BaseModel(), (1, 2))
