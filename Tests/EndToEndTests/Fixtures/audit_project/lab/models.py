"""Keras 3 models, layers and training steps."""
import keras
import tensorflow as tf


class Classifier(keras.Model):
    """A subclassed model with no build(): Keras 3 builds it by running call() symbolically."""

    # Case: sublayers made in __init__, their variables only on the first call.
    def __init__(self, hidden=8, classes=3):
        super().__init__()
        self.hidden = keras.layers.Dense(hidden, activation="relu")
        self.logits = keras.layers.Dense(classes)

    # Case: CREATES_VARIABLES (30): Keras builds the model by running this call symbolically.
    def call(self, x, training=False):
        return self.logits(self.hidden(x))


class Scale(keras.layers.Layer):
    """A per-feature scale with its own build()."""

    # Case: own build() with add_weight: variables exist before call() runs.
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="scale")

    # Case: a layer call NOT blocked by 30 (its variables come from build()).
    def call(self, x):
        return x * self.scale


# Case: HAS_VARYING_OBJECT_PARAMETERS (31) and CREATES_VARIABLES (30): each test passes a new model and optimizer.
def train_step(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, logits, from_logits=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


# Case: CREATES_VARIABLES (30): a new model, hence new variables, on every call.
def fresh_step(x):
    model = keras.Sequential([keras.layers.Dense(2)])
    return model(x)


class Trainer:
    """Owns a built model and an optimizer whose slots appear on the first update."""

    # Case: the model is built here, so fit_batch creates only the optimizer's slots.
    def __init__(self, features=4, learning_rate=0.05):
        self.model = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
        self.model.build((None, features))
        self.optimizer = keras.optimizers.Adam(learning_rate)
        self.loss_fn = keras.losses.MeanSquaredError()

    # Case: NOT 30 (variables created on the first call per instance only) and NOT 31 (self is exempt).
    def fit_batch(self, x, y):
        with tf.GradientTape() as tape:
            loss = self.loss_fn(y, self.model(x, training=True))
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        return loss
