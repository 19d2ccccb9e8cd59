# A direct print is a Python side effect: HAS_PYTHON_SIDE_EFFECTS.
import tensorflow as tf


def debug_relu(x):  # expect: fail=4; sideEffects=true
    print("relu input shape:", x.shape)
    return tf.nn.relu(x)


debug_relu(tf.constant([[-1.0, 2.0]]))
