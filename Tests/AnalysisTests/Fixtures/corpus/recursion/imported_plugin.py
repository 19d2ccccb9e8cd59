# A module imported by a name read at run time could hold anything, this module's functions
# included: a call of its attribute is unresolved, so side effects and recursion are undecided.
import importlib
import os

import tensorflow as tf

plugin = importlib.import_module(os.environ.get("PLUGIN", "plugins.default"))


def run_plugin(x):  # expect: fail=3,9; sideEffects=unknown recursive=unknown
    return plugin.transform(tf.nn.relu(x))


run_plugin(tf.constant([1.0, -1.0]))
