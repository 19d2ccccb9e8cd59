import numpy as np
import tensorflow as tf

from cnn.model import ConvBlock, ShapeCNN, build_model


def test_conv_block_halves_the_spatial_size(shape_batches):
    images = shape_batches[0][0]
    block = ConvBlock(4)
    out = block(images)
    assert out.shape == (32, 6, 6, 4)
    assert float(tf.reduce_min(out)) >= 0.0  # ReLU before pooling
    assert [tuple(v.shape) for v in block.trainable_variables] == [(3, 3, 1, 4), (4,)]


def test_build_model_creates_every_variable_up_front(shape_batches):
    images = shape_batches[0][0]
    model = build_model(images)
    assert isinstance(model, ShapeCNN)
    assert len(model.trainable_variables) == 8
    # conv 3*3*1*4+4, conv 3*3*4*8+8, dense 72*16+16, dense 16*4+4
    assert model.count_params() == 40 + 296 + 1168 + 68
    assert model(images).shape == (32, 4)


def test_training_flag_changes_nothing(shape_batches):
    images = shape_batches[1][0]
    model = build_model(images, filters=(2, 4), hidden_units=8)
    np.testing.assert_allclose(
        model(images, training=True).numpy(), model(images, training=False).numpy()
    )
