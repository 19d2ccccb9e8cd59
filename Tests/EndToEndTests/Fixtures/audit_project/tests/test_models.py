import keras
import numpy as np
import tensorflow as tf

from lab import models


def _classification_batch(rows=16, features=4, classes=3, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, features)).astype("float32")
    y = (x[:, 0] > 0).astype("int32") + (x[:, 1] > 0).astype("int32")
    return tf.constant(x), tf.constant(y % classes)


def test_classifier_logits_shape():
    model = models.Classifier()
    x, _ = _classification_batch()
    assert model(x).shape == (16, 3)


def test_classifier_uses_its_current_weights():
    model = models.Classifier(hidden=2, classes=2)
    x = tf.constant([[1.0, 2.0, 3.0, 4.0]])
    model(x)
    model.set_weights([np.ones((4, 2), "float32"), np.zeros(2, "float32"),
                       np.ones((2, 2), "float32"), np.zeros(2, "float32")])
    np.testing.assert_allclose(model(x).numpy(), [[20.0, 20.0]])


def test_train_step_classifier_learns():
    model = models.Classifier()
    optimizer = keras.optimizers.Adam(0.05)
    x, y = _classification_batch()
    losses = [float(models.train_step(model, optimizer, x, y)) for _ in range(4)]
    assert losses[-1] < losses[0]


def test_train_step_sequential_learns():
    model = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3)])
    optimizer = keras.optimizers.Adam(0.05)
    x, y = _classification_batch(seed=1)
    losses = [float(models.train_step(model, optimizer, x, y)) for _ in range(4)]
    assert losses[-1] < losses[0]


def test_train_step_with_sgd():
    model = models.Classifier(hidden=4)
    optimizer = keras.optimizers.SGD(0.1, momentum=0.9)
    x, y = _classification_batch(seed=2)
    losses = [float(models.train_step(model, optimizer, x, y)) for _ in range(3)]
    assert losses[-1] < losses[0]


def test_scale_layer():
    layer = models.Scale()
    x = tf.constant([[1.0, 2.0, 3.0]])
    np.testing.assert_allclose(layer(x).numpy(), [[1.0, 2.0, 3.0]])
    layer.scale.assign([2.0, 0.5, -1.0])
    np.testing.assert_allclose(layer(x).numpy(), [[2.0, 1.0, -3.0]])
    np.testing.assert_allclose(layer(tf.ones([2, 3])).numpy(), [[2.0, 0.5, -1.0]] * 2)


def test_scale_layer_in_a_model():
    model = keras.Sequential([keras.layers.Dense(3), models.Scale()])
    assert model(tf.ones([2, 5])).shape == (2, 3)


def test_fresh_step_shapes():
    assert models.fresh_step(tf.ones([2, 3])).shape == (2, 2)
    assert models.fresh_step(tf.ones([5, 3])).shape == (5, 2)


def _regression_batch(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(16, 4)).astype("float32")
    return tf.constant(x), tf.constant(x @ np.array([[1.0], [-2.0], [0.5], [0.0]], "float32"))


def test_trainer_fit_batch_learns():
    trainer = models.Trainer()
    x, y = _regression_batch(3)
    losses = [float(trainer.fit_batch(x, y)) for _ in range(5)]
    assert losses[-1] < losses[0]


def test_trainer_fit_batch_fresh_instance():
    trainer = models.Trainer(learning_rate=0.02)
    x, y = _regression_batch(4)
    first = float(trainer.fit_batch(x, y))
    trainer.fit_batch(x, y)
    assert float(trainer.fit_batch(x, y)) < first
    assert int(trainer.optimizer.iterations.numpy()) == 3
