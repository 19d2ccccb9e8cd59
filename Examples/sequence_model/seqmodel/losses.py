"""Loss pieces shared by the trainers."""

import tensorflow as tf


@tf.function
def smoothed_targets(labels, num_classes, epsilon):
    """One-hot targets with label smoothing: ``(1 - epsilon) * one_hot + epsilon / num_classes``.

    Decorated with ``tf.function`` by the original author "for speed", but
    ``epsilon`` is a Python float that the trainer decays every epoch, so each
    new value traces a new graph.
    """
    one_hot = tf.one_hot(labels, num_classes)
    return one_hot * (1.0 - epsilon) + epsilon / num_classes


def l2_penalty(weights):
    """Sum of squared entries over a nested structure of weights.

    ``weights`` is a tensor or variable, or a dict, list or tuple of such
    structures (``GRUClassifier.regularized_weights()`` groups kernels per
    sublayer). Walks the structure recursively.
    """
    if isinstance(weights, dict):
        return tf.add_n([l2_penalty(weights[key]) for key in sorted(weights)])
    if isinstance(weights, (list, tuple)):
        return tf.add_n([l2_penalty(item) for item in weights])
    return tf.reduce_sum(tf.square(weights))


def softmax_cross_entropy(targets, logits):
    """Mean cross-entropy between (smoothed) target distributions and logits."""
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=targets, logits=logits))


def mean_squared_error(targets, predictions):
    """Mean squared error over all entries."""
    return tf.reduce_mean(tf.square(targets - predictions))
