import keras
import numpy as np
import tensorflow as tf

from augpipe.data import NUM_CLASSES
from augpipe.model import SmallConvNet, count_parameters, make_model


def test_make_model_creates_variables_before_any_step(batch):
    images, _ = batch
    model = make_model()
    assert len(model.trainable_variables) == 6  # two conv kernels and biases, one Dense
    logits = model(images)
    assert logits.shape == (16, NUM_CLASSES) and logits.dtype == tf.float32


def test_small_conv_net_training_flag_changes_nothing(batch):
    images, _ = batch
    model = SmallConvNet(num_classes=3, filters=(4, 4))
    np.testing.assert_allclose(
        model(images, training=True).numpy(), model(images, training=False).numpy()
    )


def test_count_parameters_walks_nested_layers():
    model = make_model()
    # conv 3x3x3x8 + 8, conv 3x3x8x16 + 16, dense 16x4 + 4
    expected = (27 * 8 + 8) + (72 * 16 + 16) + (16 * 4 + 4)
    assert count_parameters(model) == expected == model.count_params()


def test_count_parameters_of_a_single_layer():
    layer = keras.layers.Dense(5)
    layer.build((None, 3))
    assert count_parameters(layer) == 20
