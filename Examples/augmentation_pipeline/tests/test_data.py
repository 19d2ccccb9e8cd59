import numpy as np
import tensorflow as tf

from augpipe.data import (
    CHANNELS,
    IMAGE_SIZE,
    NUM_CLASSES,
    make_eval_dataset,
    make_train_dataset,
    random_shift,
    rescale,
    synthetic_images,
)


def test_synthetic_images_shapes_dtypes_and_labels():
    images, labels = synthetic_images(40, seed=0)
    assert images.shape == (40, IMAGE_SIZE, IMAGE_SIZE, CHANNELS)
    assert images.dtype == np.uint8 and labels.dtype == np.int32
    assert set(np.unique(labels)) == set(range(NUM_CLASSES))


def test_synthetic_images_are_deterministic_per_seed():
    a_images, a_labels = synthetic_images(8, seed=5)
    b_images, b_labels = synthetic_images(8, seed=5)
    c_images, _ = synthetic_images(8, seed=6)
    np.testing.assert_array_equal(a_images, b_images)
    np.testing.assert_array_equal(a_labels, b_labels)
    assert not np.array_equal(a_images, c_images)


def test_rescale_maps_uint8_to_unit_range():
    image = tf.constant([[[0, 255, 51]]], dtype=tf.uint8)
    scaled, label = rescale(image, tf.constant(2))
    assert scaled.dtype == tf.float32
    np.testing.assert_allclose(scaled.numpy(), [[[0.0, 1.0, 0.2]]], atol=1e-6)
    assert int(label) == 2


def test_random_shift_is_a_deterministic_shift_per_seed(batch):
    images, labels = batch
    example = (images[0], labels[0])
    seed = (tf.constant(3, tf.int64), tf.constant(3, tf.int64))
    first, label = random_shift(example, seed)
    again, _ = random_shift(example, seed)
    assert first.shape == (IMAGE_SIZE, IMAGE_SIZE, CHANNELS)
    assert int(label) == int(labels[0])
    np.testing.assert_array_equal(first.numpy(), again.numpy())
    # Shifting keeps the pixel values (padding reflects), so the centre survives.
    centre = images[0, 4:12, 4:12].numpy()
    shifted = first.numpy()
    assert any(
        np.array_equal(shifted[2 + dy : 10 + dy, 2 + dx : 10 + dx], centre)
        for dy in range(5)
        for dx in range(5)
    )


def test_train_dataset_batches_have_fixed_shape_and_unit_range():
    images, labels = synthetic_images(48, seed=1)
    dataset = make_train_dataset(images, labels, batch_size=16, seed=0)
    batches = list(dataset.take(5))  # repeats: 5 batches from 48 images
    for x, y in batches:
        assert x.shape == (16, IMAGE_SIZE, IMAGE_SIZE, CHANNELS) and x.dtype == tf.float32
        assert y.shape == (16,) and y.dtype == tf.int32
        assert 0.0 <= float(tf.reduce_min(x)) and float(tf.reduce_max(x)) <= 1.0
    again = list(make_train_dataset(images, labels, batch_size=16, seed=0).take(5))
    for (x, _), (x2, _) in zip(batches, again):
        np.testing.assert_array_equal(x.numpy(), x2.numpy())


def test_eval_dataset_is_rescaled_but_not_augmented():
    images, labels = synthetic_images(20, seed=2)
    batches = list(make_eval_dataset(images, labels, batch_size=8))
    assert len(batches) == 2  # the last partial batch is dropped
    x, y = batches[0]
    np.testing.assert_allclose(x.numpy(), images[:8] / 255.0, atol=1e-6)
    np.testing.assert_array_equal(y.numpy(), labels[:8])
