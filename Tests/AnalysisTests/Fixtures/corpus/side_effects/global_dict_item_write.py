# An item write into a module-level dict (a cache) is a side effect: fail 4.
import tensorflow as tf

embedding_cache = {}


def embed(ids, table):  # expect: fail=4
    vectors = tf.nn.embedding_lookup(table, ids)
    embedding_cache["last"] = vectors
    return vectors


embed(tf.constant([0, 2]), tf.random.normal([5, 3]))
