import numpy as np
import pytest
import tensorflow as tf

from augpipe import augmentations
from augpipe.augmentations import (
    add_noise,
    augment_batch,
    color_jitter,
    count_augmented,
    noise_schedule,
    random_flip,
    step_seed,
)


def test_step_seed_is_an_int64_pair():
    seed = step_seed(7, 42)
    assert seed.dtype == tf.int64 and seed.shape == (2,)
    assert seed.numpy().tolist() == [7, 42]


def test_random_flip_flips_some_images_and_keeps_the_rest(batch):
    images, _ = batch
    flipped = random_flip(images, step_seed(0, 1)).numpy()
    mirrored = images[:, :, ::-1, :].numpy()
    original = images.numpy()
    was_flipped = [np.array_equal(f, m) for f, m in zip(flipped, mirrored)]
    was_kept = [np.array_equal(f, o) for f, o in zip(flipped, original)]
    assert all(a or b for a, b in zip(was_flipped, was_kept))
    assert 0 < sum(was_flipped) < len(was_flipped)


def test_color_jitter_is_deterministic_and_stays_in_unit_range(batch):
    images, _ = batch
    first = color_jitter(images, step_seed(0, 2))
    again = color_jitter(images, step_seed(0, 2))
    other = color_jitter(images, step_seed(0, 3))
    np.testing.assert_array_equal(first.numpy(), again.numpy())
    assert not np.array_equal(first.numpy(), other.numpy())
    assert float(tf.reduce_min(first)) >= 0.0 and float(tf.reduce_max(first)) <= 1.0


def test_augment_batch_depends_only_on_the_seed(batch):
    images, _ = batch
    first = augment_batch(images, step_seed(1, 0))
    again = augment_batch(images, step_seed(1, 0))
    other = augment_batch(images, step_seed(1, 1))
    assert first.shape == images.shape and first.dtype == tf.float32
    np.testing.assert_array_equal(first.numpy(), again.numpy())
    assert not np.array_equal(first.numpy(), other.numpy())


def test_augment_batch_gives_the_same_result_as_a_graph(batch):
    # Stateless ops with the seed passed in as a tensor: a tf.function of the
    # same code computes exactly what the eager call does.
    images, _ = batch
    graph_augment = tf.function(augment_batch)
    for step in range(3):
        seed = step_seed(2, step)
        np.testing.assert_allclose(
            graph_augment(images, seed).numpy(), augment_batch(images, seed).numpy(), atol=1e-6
        )


def test_noise_schedule_ramps_up_then_stays():
    values = [noise_schedule(step, warmup_steps=4, start=0.0, end=0.08) for step in range(7)]
    assert values == pytest.approx([0.0, 0.02, 0.04, 0.06, 0.08, 0.08, 0.08])
    assert all(isinstance(value, float) for value in values)


def test_add_noise_grows_with_the_scheduled_strength(batch):
    images, _ = batch
    seed = step_seed(3, 0)
    deviations = []
    for step in (0, 5, 10, 15):
        noisy = add_noise(images, seed, noise_schedule(step))
        assert float(tf.reduce_min(noisy)) >= 0.0 and float(tf.reduce_max(noisy)) <= 1.0
        deviations.append(float(tf.reduce_mean(tf.abs(noisy - images))))
    assert deviations == sorted(deviations) and deviations[0] < deviations[-1]


def test_count_augmented_adds_the_batch_size(batch):
    images, _ = batch
    before = augmentations.AUGMENTED_IMAGES
    assert count_augmented(images) is images
    count_augmented(images[:4])
    assert augmentations.AUGMENTED_IMAGES - before == 20
