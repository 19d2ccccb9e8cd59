"""The GAN trainer: two optimizers, two GradientTape steps, and the Python loop."""

import keras
import numpy as np
import tensorflow as tf

from ringgan.data import sample_noise, sample_ring
from ringgan.logs import log_losses
from ringgan.losses import (
    discriminator_loss,
    generator_loss,
    smooth_labels,
    smoothing_schedule,
)


class GANTrainer:
    """Holds the two models and their Adam optimizers and runs one step of each.

    Every variable exists before the first step: each model is called once on
    a dummy batch, and each optimizer is built on its model's variables.
    """

    def __init__(self, generator, discriminator, latent_dim=8, g_learning_rate=1e-3,
                 d_learning_rate=1e-3):
        self.generator = generator
        self.discriminator = discriminator
        self.latent_dim = latent_dim
        self.g_optimizer = keras.optimizers.Adam(g_learning_rate, beta_1=0.5)
        self.d_optimizer = keras.optimizers.Adam(d_learning_rate, beta_1=0.5)
        self.generator(tf.zeros([1, latent_dim]))
        self.discriminator(tf.zeros([1, 2]))
        self.g_optimizer.build(self.generator.trainable_variables)
        self.d_optimizer.build(self.discriminator.trainable_variables)

    def discriminator_step(self, real, noise, real_targets):
        """One discriminator update on a real batch and a batch generated from ``noise``."""
        fake = self.generator(noise, training=True)
        with tf.GradientTape() as tape:
            real_output = self.discriminator(real, training=True)
            fake_output = self.discriminator(fake, training=True)
            loss = discriminator_loss(real_output, fake_output, real_targets)
        gradients = tape.gradient(loss, self.discriminator.trainable_variables)
        self.d_optimizer.apply_gradients(zip(gradients, self.discriminator.trainable_variables))
        return loss

    def generator_step(self, noise):
        """One generator update: make the discriminator call generated points real."""
        with tf.GradientTape() as tape:
            fake = self.generator(noise, training=True)
            loss = generator_loss(self.discriminator(fake, training=True))
        gradients = tape.gradient(loss, self.generator.trainable_variables)
        self.g_optimizer.apply_gradients(zip(gradients, self.generator.trainable_variables))
        return loss


def fit(trainer, steps, batch_size=64, seed=0, smoothing=0.2, log_every=100):
    """Alternate one discriminator and one generator step ``steps`` times.

    Real points and noise come from one NumPy generator seeded with ``seed``,
    outside the steps. Every step's losses go to ``log_losses``; the losses of
    the last step are returned as Python floats.
    """
    if steps < 1:
        raise ValueError(f"steps must be at least 1, got {steps}")
    rng = np.random.default_rng(seed)
    ones = tf.ones([batch_size, 1])
    for step in range(steps):
        real = tf.constant(sample_ring(rng, batch_size))
        targets = smooth_labels(ones, smoothing_schedule(step, smoothing))
        d_loss = trainer.discriminator_step(real, sample_noise(rng, batch_size, trainer.latent_dim),
                                            targets)
        g_loss = trainer.generator_step(sample_noise(rng, batch_size, trainer.latent_dim))
        log_losses(step, d_loss, g_loss, every=log_every)
    return float(d_loss), float(g_loss)


def generate(generator, noise):
    """Generated points for ``noise`` (inference mode)."""
    return generator(noise, training=False)


def mode_coverage(points, centers, max_distance=0.5):
    """How many ring modes have at least one point within ``max_distance`` (NumPy)."""
    points = np.asarray(points)
    distances = np.linalg.norm(points[:, None, :] - centers[None, :, :], axis=-1)
    nearest = distances.argmin(axis=1)
    close = distances.min(axis=1) < max_distance
    return int(len(np.unique(nearest[close])))
