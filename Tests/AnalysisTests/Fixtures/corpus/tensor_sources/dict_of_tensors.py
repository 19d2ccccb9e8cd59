# A dict whose values are tensors counts as a tensor parameter: P1.
import tensorflow as tf


def weighted_total(losses):  # expect: P1
    return tf.add_n([losses["reconstruction"], 0.1 * losses["kl"], losses["reg"]])


weighted_total({
    "reconstruction": tf.constant(2.5),
    "kl": tf.constant(0.7),
    "reg": tf.constant(0.01),
})
