# A `test_step` method on a plain class (not a pytest test) with pickle input: speculation: P1.
import pickle

import tensorflow as tf

with open("batches.pkl", "rb") as fh:
    loaded = pickle.load(fh)


class Evaluator:
    def test_step(self, batch):  # expect: P1; tensorParameter=true
        return tf.reduce_mean(tf.nn.sigmoid(batch))


Evaluator().test_step(loaded)
