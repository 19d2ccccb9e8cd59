# Functions handed to Dataset.map/filter receive tensors (P1); the builder takes a literal (12).
import tensorflow as tf


def decode(record):  # expect: P1
    return tf.strings.to_number(tf.strings.split(record, ","))


def is_valid(values):  # expect: P1
    return tf.reduce_all(tf.math.is_finite(values))


def build_pipeline(lines, batch_size):  # expect: fail=12
    ds = tf.data.Dataset.from_tensor_slices(lines)
    return ds.map(decode).filter(is_valid).padded_batch(batch_size)


build_pipeline(tf.constant(["1,2", "3,nan"]), 2)
