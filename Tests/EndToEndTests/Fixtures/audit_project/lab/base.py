"""A learner whose TensorFlow work lives in subclass hooks."""
import tensorflow as tf


class BaseLearner:
    """Template: train_step runs the hooks a subclass provides."""

    # Case: plain constructor of the template.
    def __init__(self, learning_rate=0.1):
        self.learning_rate = learning_rate

    # Case: no TF call in its own body; the TF work is in the overrides (static: 14 or undecided; traces see the override).
    def train_step(self, x, y):
        loss = self.compute_loss(x, y)
        self.update(x, y)
        return loss

    # Case: abstract hook (raises).
    def compute_loss(self, x, y):
        raise NotImplementedError

    # Case: abstract hook (raises).
    def update(self, x, y):
        raise NotImplementedError


class RegressionLearner(BaseLearner):
    """Linear least squares, one gradient step per batch."""

    # Case: variables created eagerly in the constructor.
    def __init__(self, features=4, learning_rate=0.1):
        super().__init__(learning_rate)
        self.w = tf.Variable(tf.zeros([features, 1]))

    # Case: override with TF ops.
    def compute_loss(self, x, y):
        return tf.reduce_mean(tf.square(tf.matmul(x, self.w) - y))

    # Case: override with variable assigns (TF state ops, not Python side effects).
    def update(self, x, y):
        residual = tf.matmul(x, self.w) - y
        gradient = 2.0 * tf.matmul(x, residual, transpose_a=True) / tf.cast(tf.shape(x)[0], tf.float32)
        self.w.assign_sub(self.learning_rate * gradient)


class HybridBase:
    """Template whose step is already hybrid."""

    # Case: plain constructor of the hybrid template.
    def __init__(self, learning_rate=0.1):
        self.learning_rate = learning_rate

    # Case: hybrid with no TF op in its own body (static may wrongly suggest CONVERT_TO_EAGER, P6); traces show the overrides run TF ops.
    @tf.function
    def train_step(self, x, y):
        loss = self.compute_loss(x, y)
        self.update(x, y)
        return loss

    # Case: abstract hook (raises).
    def compute_loss(self, x, y):
        raise NotImplementedError

    # Case: abstract hook (raises).
    def update(self, x, y):
        raise NotImplementedError


class HybridRegressionLearner(HybridBase):
    """The same least squares learner under the hybrid template."""

    # Case: variables created eagerly in the constructor.
    def __init__(self, features=4, learning_rate=0.1):
        super().__init__(learning_rate)
        self.w = tf.Variable(tf.zeros([features, 1]))

    # Case: override with TF ops (runs inside the hybrid train_step).
    def compute_loss(self, x, y):
        return tf.reduce_mean(tf.square(tf.matmul(x, self.w) - y))

    # Case: override with variable assigns (runs inside the hybrid train_step).
    def update(self, x, y):
        residual = tf.matmul(x, self.w) - y
        gradient = 2.0 * tf.matmul(x, residual, transpose_a=True) / tf.cast(tf.shape(x)[0], tf.float32)
        self.w.assign_sub(self.learning_rate * gradient)
