# -*- coding: utf-8 -*-
import tensorflow as tf


@tf.function
def étape(x):  # «carré»
    return tf.square(x)
