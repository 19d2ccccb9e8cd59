# An update via Variable.assign_add converts (P1); saving with np.save and .numpy() does not.
import numpy as np
import tensorflow as tf

weights = tf.Variable(tf.zeros([3]))


def apply_update(delta):  # expect: P1; sideEffects=false
    weights.assign_add(delta)
    return weights.read_value()


def save_weights(path):  # expect: fail=4,6,12,15
    np.save(path, weights.numpy())


apply_update(tf.constant([0.1, 0.2, 0.3]))
save_weights("/tmp/weights.npy")
