# -*- coding: utf-8 -*-
import tensorflow as tf


def étape(x):  # «carré»
    return tf.square(x)
