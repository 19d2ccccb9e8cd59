# Kind inference asked for a call's callee kind up to three times per call, so a chain of calls
# took time exponential in its length: 14 links of `x()` took 30 s, 16 never ended. Fixed by
# working out a call's callee and receiver kinds once per call (KindInference.callKind).
import tensorflow as tf


def called_chain(x):
    return x()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()


def method_chain(data):
    return tf.data.Dataset.from_tensor_slices(data).map(lambda v: v + 0).batch(1).map(lambda v: v + 1).batch(2).map(lambda v: v + 2).batch(3).map(lambda v: v + 3).batch(4).map(lambda v: v + 4).batch(5).map(lambda v: v + 5).batch(6).map(lambda v: v + 6).batch(7).map(lambda v: v + 7).batch(8).map(lambda v: v + 8).batch(9).map(lambda v: v + 9).batch(10).map(lambda v: v + 10).batch(11).map(lambda v: v + 11).batch(12).map(lambda v: v + 12).batch(13).map(lambda v: v + 13).batch(14).map(lambda v: v + 14).batch(15).map(lambda v: v + 15).batch(16).map(lambda v: v + 16).batch(17).map(lambda v: v + 17).batch(18).map(lambda v: v + 18).batch(19).map(lambda v: v + 19).batch(20)
