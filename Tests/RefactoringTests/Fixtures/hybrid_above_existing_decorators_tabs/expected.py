import functools
import tensorflow as tf


class Model:
	@tf.function
	@functools.wraps(len)
	def step(self, x):
		return tf.square(x)
