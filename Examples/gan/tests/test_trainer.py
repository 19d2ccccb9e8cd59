import keras
import numpy as np
import pytest
import tensorflow as tf

from conftest import BATCH, LATENT_DIM
from ringgan import logs
from ringgan.data import ring_centers, sample_noise
from ringgan.models import Discriminator, make_generator
from ringgan.trainer import GANTrainer, fit, generate, mode_coverage

STEPS = 25


def snapshot(variables):
    return [v.numpy().copy() for v in variables]


def test_trainer_builds_every_variable_up_front(trainer):
    assert len(trainer.generator.trainable_variables) == 6
    assert len(trainer.discriminator.trainable_variables) == 6
    # Adam's two slots per variable exist before the first step.
    assert len(trainer.d_optimizer.variables) > 12 and len(trainer.g_optimizer.variables) > 12


def test_discriminator_steps_learn_to_reject_a_fixed_generator(trainer, real_batch, rng):
    noise = sample_noise(rng, BATCH, LATENT_DIM)
    targets = tf.fill([BATCH, 1], 0.9)
    generator_before = snapshot(trainer.generator.trainable_variables)
    losses = [trainer.discriminator_step(real_batch, noise, targets) for _ in range(STEPS)]
    assert all(isinstance(loss, tf.Tensor) and loss.shape == () for loss in losses)
    assert losses[-1].numpy() < losses[0].numpy() - 0.05
    assert int(trainer.d_optimizer.iterations.numpy()) == STEPS
    for before, after in zip(generator_before, trainer.generator.trainable_variables):
        np.testing.assert_array_equal(before, after.numpy())


def test_generator_steps_learn_to_fool_a_fixed_discriminator(trainer, rng):
    noise = sample_noise(rng, BATCH, LATENT_DIM)
    discriminator_before = snapshot(trainer.discriminator.trainable_variables)
    losses = [trainer.generator_step(noise) for _ in range(STEPS)]
    assert losses[-1].numpy() < losses[0].numpy() - 0.05
    assert int(trainer.g_optimizer.iterations.numpy()) == STEPS
    for before, after in zip(discriminator_before, trainer.discriminator.trainable_variables):
        np.testing.assert_array_equal(before, after.numpy())


def test_fit_logs_every_step_and_returns_the_last_losses(trainer):
    d_loss, g_loss = fit(trainer, steps=12, batch_size=BATCH, seed=7, log_every=5)
    assert [entry[0] for entry in logs.HISTORY] == list(range(12))
    assert (d_loss, g_loss) == logs.HISTORY[-1][1:]
    assert all(np.isfinite(entry[1]) and np.isfinite(entry[2]) for entry in logs.HISTORY)


def test_fit_is_reproducible_for_a_seed():
    results = []
    for _ in range(2):
        keras.utils.set_random_seed(99)
        trainer = GANTrainer(make_generator(LATENT_DIM, 16), Discriminator(16), latent_dim=LATENT_DIM)
        results.append(fit(trainer, steps=5, batch_size=BATCH, seed=3))
    assert results[0] == pytest.approx(results[1], rel=1e-6)


def test_generate_and_mode_coverage(trainer, rng):
    points = generate(trainer.generator, sample_noise(rng, 64, LATENT_DIM))
    assert points.shape == (64, 2)
    centers = ring_centers()
    assert mode_coverage(centers, centers) == 8
    assert mode_coverage(np.zeros((10, 2), np.float32), centers) == 0
    assert 0 <= mode_coverage(points, centers) <= 8
