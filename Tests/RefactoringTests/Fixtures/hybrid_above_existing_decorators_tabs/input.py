import functools
import tensorflow as tf


class Model:
	@functools.wraps(len)
	def step(self, x):
		return tf.square(x)
