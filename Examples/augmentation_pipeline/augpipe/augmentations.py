"""Batch-level augmentations with stateless ``tf.image`` ops.

Every random op takes its seed as a ``[2]`` integer tensor, so the same
seed gives the same augmentation whether the code runs eagerly or as a
graph. The training loop derives one seed per step with ``step_seed``.
"""

import tensorflow as tf

# How many images the training loop has augmented so far.
AUGMENTED_IMAGES = 0


def step_seed(base_seed, step):
    """The ``[2]`` int64 seed tensor for training step ``step`` (Python ints)."""
    return tf.constant([base_seed, step], dtype=tf.int64)


def random_flip(images, seed):
    """Flip each image of an NHWC batch left-right with probability 1/2."""
    return tf.image.stateless_random_flip_left_right(images, seed=seed)


def color_jitter(images, seed, max_delta=0.2, contrast_range=(0.7, 1.3)):
    """Random brightness, then random contrast, then clip back to ``[0, 1]``."""
    seeds = tf.random.split(seed, num=2)
    images = tf.image.stateless_random_brightness(images, max_delta, seed=seeds[0])
    lower, upper = contrast_range
    images = tf.image.stateless_random_contrast(images, lower, upper, seed=seeds[1])
    return tf.clip_by_value(images, 0.0, 1.0)


def augment_batch(images, seed):
    """The batch-level augmentation the training loop runs on every batch.

    ``images`` is a float32 ``[batch, 16, 16, 3]`` batch in ``[0, 1]`` and
    ``seed`` a ``[2]`` int64 tensor. Pure TensorFlow: stateless ops only, no
    Python state, and the shapes are the same on every call.
    """
    flip_seed, jitter_seed = tf.unstack(tf.random.split(seed, num=2))
    images = random_flip(images, flip_seed)
    return color_jitter(images, jitter_seed)


def noise_schedule(step, warmup_steps=20, start=0.02, end=0.08):
    """Gaussian-noise strength for ``step``: a linear ramp, then constant.

    Returns a Python float, which is a new value on every step of the
    warm-up.
    """
    if step >= warmup_steps:
        return end
    return start + (end - start) * step / warmup_steps


@tf.function
def add_noise(images, seed, stddev):
    """Add stateless Gaussian pixel noise of strength ``stddev`` and clip.

    ``stddev`` is a Python float from ``noise_schedule``. Decorated with
    ``tf.function`` by its author, but each new float retraces the graph,
    which happens on every step of the warm-up and in the tests.
    """
    noise = tf.random.stateless_normal(tf.shape(images), seed=seed, stddev=stddev)
    return tf.clip_by_value(images + noise, 0.0, 1.0)


def count_augmented(images):
    """Add the batch size to the module-level ``AUGMENTED_IMAGES`` counter."""
    global AUGMENTED_IMAGES
    AUGMENTED_IMAGES += int(images.shape[0])
    return images
