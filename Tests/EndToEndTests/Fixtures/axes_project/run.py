"""Calls both hybrids with batches of 2 and 4 rows of 3 features."""
import tensorflow as tf

from lab import layers

for rows in (2, 4):
    layers.flatten(tf.ones([rows, 3]))
    layers.flatten_dynamic(tf.ones([rows, 3]))
