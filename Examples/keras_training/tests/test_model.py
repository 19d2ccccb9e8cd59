import numpy as np
import tensorflow as tf

from trainer.model import Classifier, Scale


def test_classifier_output_shape_and_dtype(batch):
    x, _ = batch
    model = Classifier(num_classes=3, hidden_units=16)
    logits = model(x)
    assert logits.shape == (8, 3)
    assert logits.dtype == tf.float32


def test_classifier_creates_two_dense_layers(batch):
    x, _ = batch
    model = Classifier(num_classes=5, hidden_units=6)
    model(x)
    # Two Dense layers, each with a kernel and a bias.
    shapes = sorted(tuple(v.shape) for v in model.trainable_variables)
    assert shapes == sorted([(4, 6), (6,), (6, 5), (5,)])


def test_classifier_training_flag_does_not_change_output(batch):
    x, _ = batch
    model = Classifier()
    np.testing.assert_allclose(model(x, training=True).numpy(), model(x, training=False).numpy())


def test_scale_build_creates_per_feature_weight(batch):
    x, _ = batch
    layer = Scale()
    out = layer(x)
    assert layer.built
    assert tuple(layer.factor.shape) == (4,)
    # Initialised to ones, so the layer starts as the identity.
    np.testing.assert_allclose(out.numpy(), x.numpy())


def test_scale_call_uses_learned_factor(batch):
    x, _ = batch
    layer = Scale()
    layer.build(x.shape)
    layer.factor.assign([1.0, 2.0, 0.5, 0.0])
    out = layer(x)
    np.testing.assert_allclose(out.numpy(), x.numpy() * np.array([1.0, 2.0, 0.5, 0.0]), rtol=1e-6)


def test_scale_is_differentiable(batch):
    x, _ = batch
    layer = Scale()
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x))
    (grad,) = tape.gradient(loss, layer.trainable_variables)
    np.testing.assert_allclose(grad.numpy(), tf.reduce_sum(x, axis=0).numpy(), rtol=1e-5)
