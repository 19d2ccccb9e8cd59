"""Synthetic images and the tf.data input pipeline.

The pipeline follows the TensorFlow "Data augmentation" tutorial: a counter
dataset is zipped with the examples so that every example gets its own
deterministic seed, and a per-example map function uses ``tf.image``
stateless ops with that seed.
"""

import numpy as np
import tensorflow as tf

IMAGE_SIZE = 16
CHANNELS = 3
NUM_CLASSES = 4
PAD = 2

CLASS_NAMES = ("horizontal stripes", "vertical stripes", "checkerboard", "blob")


def _pattern(label, rng, size):
    """A boolean [size, size] mask drawing one example of class ``label``."""
    rows, cols = np.mgrid[0:size, 0:size]
    period = int(rng.integers(4, 7))
    phase = int(rng.integers(0, period))
    if label == 0:
        return (rows + phase) % period < period // 2
    if label == 1:
        return (cols + phase) % period < period // 2
    if label == 2:
        cell = period // 2
        return ((rows + phase) // cell + (cols + phase) // cell) % 2 == 0
    center = rng.uniform(size * 0.3, size * 0.7, size=2)
    radius = rng.uniform(size * 0.2, size * 0.35)
    return (rows - center[0]) ** 2 + (cols - center[1]) ** 2 < radius**2


def synthetic_images(n, seed, size=IMAGE_SIZE):
    """Return ``(images, labels)``: uint8 [n, size, size, 3] and int32 [n].

    NumPy only. Each image draws a pattern (stripes either way, a
    checkerboard or a blob) in a random foreground colour over a random
    background, plus pixel noise. The class does not change under a
    left-right flip, a small shift or a brightness/contrast change, so the
    augmentations below keep the labels valid.
    """
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, NUM_CLASSES, size=n).astype(np.int32)
    images = np.empty((n, size, size, CHANNELS), dtype=np.uint8)
    for i, label in enumerate(labels):
        mask = _pattern(int(label), rng, size)[..., None]
        background = rng.uniform(0, 150, size=CHANNELS)
        foreground = rng.uniform(90, 255, size=CHANNELS)
        image = np.where(mask, foreground, background)
        image = image + rng.normal(0.0, 40.0, size=image.shape)
        images[i] = np.clip(image, 0, 255).astype(np.uint8)
    return images, labels


def rescale(image, label):
    """Per-example map: uint8 image to float32 in ``[0, 1]``; label unchanged."""
    return tf.image.convert_image_dtype(image, tf.float32), label


def random_shift(image_label, seed):
    """Per-example augmentation for ``Dataset.map``: shift by up to ``PAD`` pixels.

    ``image_label`` is one ``(float32 image, label)`` pair and ``seed`` the
    ``(counter, counter)`` pair of int64 scalars that ``Dataset.zip`` puts
    beside it. The image is padded by reflection and cropped back to its
    size at a random offset with a stateless crop. Pure TensorFlow; tf.data
    traces it into a graph.
    """
    image, label = image_label
    image = tf.pad(image, [[PAD, PAD], [PAD, PAD], [0, 0]], mode="REFLECT")
    image = tf.image.stateless_random_crop(
        image, size=[IMAGE_SIZE, IMAGE_SIZE, CHANNELS], seed=seed
    )
    return image, label


def make_train_dataset(images, labels, batch_size, seed=0):
    """Shuffled, repeated, per-example shifted batches of fixed shape.

    The rescaled images are cached, so only the random shift runs per epoch.
    The counter is zipped in after ``repeat`` so that every example of every
    epoch gets its own seed, and ``drop_remainder=True`` keeps the batch
    dimension static. The parallel map keeps the order of the examples
    (tf.data's default ``deterministic=True``).
    """
    dataset = tf.data.Dataset.from_tensor_slices((images, labels)).map(rescale).cache()
    dataset = dataset.shuffle(len(labels), seed=seed).repeat()
    counter = tf.data.Dataset.counter()
    dataset = tf.data.Dataset.zip((dataset, (counter, counter)))
    dataset = dataset.map(random_shift, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)


def make_eval_dataset(images, labels, batch_size):
    """Rescaled, unaugmented batches, for evaluation."""
    dataset = tf.data.Dataset.from_tensor_slices((images, labels))
    return dataset.map(rescale).batch(batch_size, drop_remainder=True)
