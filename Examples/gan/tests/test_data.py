import numpy as np
import tensorflow as tf

from ringgan.data import ring_centers, sample_noise, sample_ring


def test_ring_centers_lie_on_the_circle():
    centers = ring_centers(modes=8, radius=2.0)
    assert centers.shape == (8, 2) and centers.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(centers, axis=1), np.full(8, 2.0), rtol=1e-6)
    np.testing.assert_allclose(centers[0], [2.0, 0.0], atol=1e-6)


def test_sample_ring_points_are_near_a_centre_and_reproducible():
    a = sample_ring(np.random.default_rng(3), 256, std=0.05)
    b = sample_ring(np.random.default_rng(3), 256, std=0.05)
    assert a.shape == (256, 2) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    distances = np.linalg.norm(a[:, None, :] - ring_centers()[None, :, :], axis=-1)
    assert distances.min(axis=1).max() < 0.3
    # Every mode is drawn from.
    assert len(np.unique(distances.argmin(axis=1))) == 8


def test_sample_noise_is_a_float32_tensor_from_the_generator():
    rng = np.random.default_rng(5)
    first = sample_noise(rng, 16, 4)
    second = sample_noise(rng, 16, 4)
    assert isinstance(first, tf.Tensor)
    assert first.shape == (16, 4) and first.dtype == tf.float32
    # The generator advances: consecutive draws differ, a reseeded one repeats.
    assert not np.array_equal(first.numpy(), second.numpy())
    np.testing.assert_array_equal(first.numpy(), sample_noise(np.random.default_rng(5), 16, 4).numpy())
