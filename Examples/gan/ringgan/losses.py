"""GAN losses, as in the TensorFlow DCGAN tutorial, plus label smoothing."""

import keras
import tensorflow as tf

cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_output, fake_output, real_targets):
    """Cross-entropy of real logits against ``real_targets`` and fake logits against 0."""
    real_loss = cross_entropy(real_targets, real_output)
    fake_loss = cross_entropy(tf.zeros_like(fake_output), fake_output)
    return real_loss + fake_loss


def generator_loss(fake_output):
    """Non-saturating generator loss: fake logits against the label 1."""
    return cross_entropy(tf.ones_like(fake_output), fake_output)


@tf.function
def smooth_labels(labels, amount):
    """One-sided label smoothing: scale the real labels down by ``amount``.

    ``amount`` is a Python float that the training loop anneals, so every new
    value makes this ``tf.function`` trace a new graph.
    """
    return labels * (1.0 - amount)


def smoothing_schedule(step, start=0.2, halve_every=100):
    """Label-smoothing level for ``step``: ``start``, halved every ``halve_every`` steps."""
    return start * 0.5 ** (step // halve_every)
