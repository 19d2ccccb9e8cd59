#!/usr/bin/env python3
# -*- coding: latin-1 -*-
import tensorflow as tf
@tf.function
def step(x):
    return x * 2
