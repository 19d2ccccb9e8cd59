"""Pure-Python workload: many small project functions, no TensorFlow."""
