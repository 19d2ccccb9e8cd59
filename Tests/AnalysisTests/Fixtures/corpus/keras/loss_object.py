# Calling a module-level Keras loss object on tensors is TF computation: P1.
import tensorflow as tf

cross_entropy = tf.keras.losses.SparseCategoricalCrossentropy(
    from_logits=True, reduction="none")


def compute_loss(labels, logits):  # expect: P1
    per_example = cross_entropy(labels, logits)
    return tf.nn.compute_average_loss(per_example, global_batch_size=64)


compute_loss(tf.constant([0, 1]), tf.constant([[2.0, 0.1], [0.3, 1.5]]))
