import numpy as np
import pytest
import tensorflow as tf

from cnn.data import NUM_CLASSES, add_noise, batches, make_shapes, noise_stddev


def test_make_shapes_shapes_dtypes_and_range():
    images, labels = make_shapes(40, size=12, seed=0)
    assert images.shape == (40, 12, 12, 1) and images.dtype == np.float32
    assert labels.shape == (40,) and labels.dtype == np.int32
    assert images.min() >= 0.0 and images.max() <= 1.0


def test_make_shapes_is_deterministic_and_balanced():
    first = make_shapes(64, seed=7)
    second = make_shapes(64, seed=7)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])
    assert np.bincount(first[1], minlength=NUM_CLASSES).tolist() == [16] * NUM_CLASSES
    assert not np.array_equal(first[0], make_shapes(64, seed=8)[0])


def test_clean_images_draw_the_named_shape():
    images, labels = make_shapes(32, size=12, seed=3, noise=0.0)
    for image, label in zip(images[..., 0], labels):
        rows, cols = np.nonzero(image)
        if label == 0:  # horizontal bar: one row
            assert len(set(rows)) == 1 and len(cols) >= 5
        elif label == 1:  # vertical bar: one column
            assert len(set(cols)) == 1 and len(rows) >= 5
        elif label == 2:  # diagonal: constant row - col
            assert len(set(rows - cols)) == 1 and len(rows) >= 5
        else:  # square outline: hollow, as tall as it is wide
            assert rows.max() - rows.min() == cols.max() - cols.min()
            assert image[(rows.min() + rows.max()) // 2, (cols.min() + cols.max()) // 2] == 0.0


def test_batches_have_fixed_shapes_and_drop_the_remainder():
    images, labels = make_shapes(100, seed=1)
    result = batches(images, labels, batch_size=32)
    assert len(result) == 3
    for x, y in result:
        assert isinstance(x, tf.Tensor) and x.shape == (32, 12, 12, 1) and x.dtype == tf.float32
        assert isinstance(y, tf.Tensor) and y.shape == (32,) and y.dtype == tf.int32
    np.testing.assert_array_equal(result[1][1].numpy(), labels[32:64])


def test_noise_stddev_halves_then_stops():
    assert [noise_stddev(0.4, epoch) for epoch in range(6)] == [0.4, 0.2, 0.1, 0.05, 0.05, 0.05]
    assert noise_stddev(0.4, 5, halvings=1) == 0.2


def test_add_noise_scales_and_clips(shape_batches):
    images = shape_batches[0][0]
    noise = tf.constant(np.random.default_rng(0).standard_normal((32, 12, 12, 1)), tf.float32)
    np.testing.assert_allclose(add_noise(images, noise, 0.0).numpy(), images.numpy())
    for stddev in (0.05, 0.1, 0.2, 0.4):
        noisy = add_noise(images, noise, stddev).numpy()
        expected = np.clip(images.numpy() + stddev * noise.numpy(), 0.0, 1.0)
        np.testing.assert_allclose(noisy, expected, atol=1e-6)
    assert add_noise(images, noise, 2.0).numpy().min() == pytest.approx(0.0)
