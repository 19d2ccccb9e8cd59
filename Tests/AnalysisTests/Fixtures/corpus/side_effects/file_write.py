# Writing to a file is Python I/O that graph execution would not replay: fail 4.
import tensorflow as tf

LOG_PATH = "norms.txt"


def save_norm(x):  # expect: fail=4
    norm = tf.norm(x)
    with open(LOG_PATH, "a") as fh:
        fh.write("norm computed\n")
    return norm


save_norm(tf.constant([3.0, 4.0]))
