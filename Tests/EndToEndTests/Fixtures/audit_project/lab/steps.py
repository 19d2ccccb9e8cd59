"""Training steps looked up by name at run time (a config names the step to run)."""
import tensorflow as tf


# Case: keyword speculation `*train*_step`, reached only through getattr dispatch (lab.dispatch.run_named), called with a Variable and tensors: CONFIRMED.
def dense_train_step(w, x, y):
    with tf.GradientTape() as tape:
        prediction = tf.matmul(x, w)
        loss = tf.reduce_mean(tf.square(prediction - y))
    gradient = tape.gradient(loss, w)
    w.assign_sub(0.1 * gradient)
    return loss


# Case: keyword speculation `*inference`, reached only through getattr dispatch, called with Python floats: REJECTED.
def batch_inference(values, scale):
    batch = tf.constant(values, dtype=tf.float32)
    return tf.reduce_sum(batch) * scale


class LegacyTrainer:
    """An older trainer kept for its configuration; its step is no longer exercised."""

    # Case: constructor only, so the class is used while its train_step is not.
    def __init__(self, units=4, learning_rate=0.01):
        self.learning_rate = learning_rate
        self.w = tf.Variable(tf.zeros([units, 1]))

    # Case: keyword speculation `train_step` on a method no test calls: UNOBSERVED.
    # @tf.function
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, self.w) - y))
        self.w.assign_sub(self.learning_rate * tape.gradient(loss, self.w))
        return loss


# Case: keyword speculation `*inference` on a function only a skipped test reaches: UNOBSERVED, yet
# refactorable; `refactor` shows it and edits it only with --include-unobserved.
def offline_inference(weights, batch):
    return tf.matmul(batch, weights)
