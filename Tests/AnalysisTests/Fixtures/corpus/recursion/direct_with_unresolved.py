# A definite self-call plus an unresolvable call: fail 3,8 (and 12 for the literal `steps`).
import pickle

import tensorflow as tf

with open("schedule.pkl", "rb") as fh:
    schedule_fn = pickle.load(fh)


def anneal(x, fn, steps):  # expect: fail=3,8,12; sideEffects=unknown recursive=true
    if steps == 0:
        return x
    return anneal(tf.nn.relu(fn(x)), fn, steps - 1)


anneal(tf.constant([2.0]), schedule_fn, 3)
