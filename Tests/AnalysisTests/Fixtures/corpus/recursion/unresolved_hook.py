# `hook` comes from pickle, so `hook(y)` has no call-graph node: side effects and recursion cannot
# be decided: UNDETERMINABLE_SIDE_EFFECTS and CANT_APPROXIMATE_RECURSION.
import pickle

import tensorflow as tf

with open("hooks.pkl", "rb") as fh:
    user_hook = pickle.load(fh)


def apply_hook(hook, x):  # expect: fail=3,9; sideEffects=unknown recursive=unknown
    y = tf.nn.relu(x)
    return hook(y)


apply_hook(user_hook, tf.constant([1.0, -1.0]))
