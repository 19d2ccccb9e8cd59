import numpy as np
import pytest
import tensorflow as tf

from ringgan.losses import discriminator_loss, generator_loss, smooth_labels, smoothing_schedule

LOG2 = float(np.log(2.0))


def test_discriminator_loss_at_zero_logits_is_two_log_two():
    logits = tf.zeros([8, 1])
    assert discriminator_loss(logits, logits, tf.ones([8, 1])).numpy() == pytest.approx(2 * LOG2, rel=1e-5)


def test_discriminator_loss_is_small_when_it_separates_real_from_fake():
    real = tf.fill([8, 1], 8.0)
    fake = tf.fill([8, 1], -8.0)
    assert discriminator_loss(real, fake, tf.ones([8, 1])).numpy() < 1e-3


def test_generator_loss_falls_as_fakes_look_real():
    assert generator_loss(tf.zeros([8, 1])).numpy() == pytest.approx(LOG2, rel=1e-5)
    assert generator_loss(tf.fill([8, 1], 5.0)).numpy() < generator_loss(tf.fill([8, 1], -5.0)).numpy()


def test_smooth_labels_for_each_level_of_the_schedule():
    ones = tf.ones([32, 1])
    for level in (0.2, 0.1, 0.05, 0.025):
        smoothed = smooth_labels(ones, level)
        assert smoothed.shape == (32, 1)
        np.testing.assert_allclose(smoothed.numpy(), np.full((32, 1), 1.0 - level), rtol=1e-6)


def test_smoothing_schedule_halves_every_interval():
    levels = [smoothing_schedule(step, start=0.2, halve_every=100) for step in (0, 99, 100, 250, 399)]
    assert levels == pytest.approx([0.2, 0.2, 0.1, 0.05, 0.025])
    assert all(isinstance(level, float) for level in levels)
