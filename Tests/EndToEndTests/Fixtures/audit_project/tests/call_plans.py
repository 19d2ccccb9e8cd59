"""The exact call sequences the tests make, shared with test_tracing_count.py."""
import numpy as np
import tensorflow as tf

# normalize_batch(x): one call per shape, in this order.
NORMALIZE_SHAPES = [(8, 4), (16, 4), (8, 4), (32, 4)]

# scale_by(x, factor): (shape of x, Python float literal), in this order.
SCALE_PLAN = [((8, 4), 1.0), ((8, 4), 2.0), ((8, 4), 1.0), ((16, 4), 2.0)]


def batch(shape, seed):
    rng = np.random.default_rng(seed)
    return tf.constant(rng.normal(size=shape).astype("float32"))


def normalize_calls():
    """(x,) argument tuples for normalize_batch, in plan order."""
    return [(batch(shape, index),) for index, shape in enumerate(NORMALIZE_SHAPES)]


def scale_calls():
    """(x, factor) argument tuples for scale_by, in plan order."""
    return [(batch(shape, 100 + index), factor) for index, (shape, factor) in enumerate(SCALE_PLAN)]
