# A list of str literals naming feature columns is a primitive container: fail 12.
import tensorflow as tf


def select_columns(features, names):  # expect: fail=12
    return tf.stack([features[name] for name in names], axis=1)


columns = {"age": tf.constant([31.0, 45.0]), "income": tf.constant([3.2, 4.1])}
select_columns(columns, ["age", "income"])
