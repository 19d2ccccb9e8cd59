# dict.update on a module-level dict is a side effect: fail 4.
import tensorflow as tf

metrics = {"accuracy": None}


def batch_accuracy(labels, logits):  # expect: fail=4
    hits = tf.equal(labels, tf.argmax(logits, axis=-1))
    accuracy = tf.reduce_mean(tf.cast(hits, tf.float32))
    metrics.update(accuracy=accuracy)
    return accuracy


batch_accuracy(tf.constant([1, 0], dtype=tf.int64), tf.constant([[0.1, 0.9], [0.8, 0.2]]))
