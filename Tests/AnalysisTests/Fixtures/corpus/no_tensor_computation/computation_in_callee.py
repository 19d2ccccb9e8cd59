# The TF op is in a callee; tensorComputation covers what the function calls: P1 for both.
import tensorflow as tf


def _core(x):  # expect: P1
    return tf.nn.softplus(x)


def forward(x):  # expect: P1; tensorComputation=true
    return _core(x)


forward(tf.constant([-1.0, 1.0]))
