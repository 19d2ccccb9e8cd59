# An int literal reaches `times`; each new value retraces: HAS_PRIMITIVE_PARAMETERS.
import tensorflow as tf


def tile_rows(x, times):  # expect: fail=12; tensorParameter=true primitiveParameter=true
    return tf.tile(x, [times, 1])


row = tf.constant([[1.0, 2.0]])
tile_rows(row, 3)
tile_rows(row, 5)
