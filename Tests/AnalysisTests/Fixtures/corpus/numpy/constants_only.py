# NumPy used only on constants (np.pi, np.sqrt of a literal), never on parameters: P1.
import numpy as np
import tensorflow as tf


def gelu_tanh(x):  # expect: P1; numpyOnParameters=false
    c = np.sqrt(2.0 / np.pi)
    return 0.5 * x * (1.0 + tf.tanh(c * (x + 0.044715 * tf.pow(x, 3))))


gelu_tanh(tf.linspace(-3.0, 3.0, 7))
