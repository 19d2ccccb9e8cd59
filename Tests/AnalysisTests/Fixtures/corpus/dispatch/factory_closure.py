# A factory returns a closure; the module keeps it and `apply` calls it. The closure is what runs,
# and the factory itself only receives a Python float.
import tensorflow as tf


def make_scaler(factor):  # expect: fail=6,12,14
    def scale(x):  # expect: P1
        return x * factor

    return scale


scaler = make_scaler(3.0)


def apply(x):  # expect: P1
    return scaler(tf.convert_to_tensor(x))


apply(tf.constant([1.0, 2.0]))
