# A pure metric converts; the reporter converts a tensor with float() (a cast under AutoGraph) and prints: fail 4.
import tensorflow as tf


def accuracy(labels, logits):  # expect: P1
    predicted = tf.argmax(logits, axis=-1, output_type=labels.dtype)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32))


def report(labels, logits):  # expect: fail=4
    acc = float(accuracy(labels, logits))
    print(f"accuracy: {acc:.3f}")


report(tf.constant([1, 0]), tf.constant([[0.2, 0.8], [0.9, 0.1]]))
