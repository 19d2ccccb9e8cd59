# tf.summary writes are TF ops, not Python side effects: P1.
import tensorflow as tf

writer = tf.summary.create_file_writer("/tmp/logs")
global_step = tf.Variable(0, dtype=tf.int64)


def log_norm(x):  # expect: P1; sideEffects=false
    with writer.as_default():
        tf.summary.scalar("norm", tf.norm(x), step=global_step)
    return x


log_norm(tf.constant([3.0, 4.0]))
