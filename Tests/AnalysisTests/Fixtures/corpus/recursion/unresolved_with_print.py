# An unresolvable callback settles nothing, but the direct print does: fail 4,9.
import pickle

import tensorflow as tf

with open("callback.pkl", "rb") as fh:
    callback = pickle.load(fh)


def notify(loss, listener):  # expect: fail=4,9; sideEffects=true recursive=unknown
    print("loss:", loss)
    listener(loss)
    return tf.identity(loss)


notify(tf.constant(0.42), callback)
