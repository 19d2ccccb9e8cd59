# .numpy() cannot run inside a graph: HAS_EAGER_ONLY_CALLS.
import tensorflow as tf


def to_python_list(x):  # expect: fail=15; eagerOnlyCalls=true
    return tf.round(x).numpy().tolist()


to_python_list(tf.constant([0.4, 1.6]))
