# Only int literals reach `rows`/`cols`: no tensor parameter and a primitive one: fail 6,12.
import tensorflow as tf


def make_grid(rows, cols):  # expect: fail=6,12; tensorParameter=false tensorComputation=true
    return tf.zeros([rows, cols])


make_grid(3, 4)
