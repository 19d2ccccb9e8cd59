"""A small eager TensorFlow training loop used as a tracing benchmark workload."""
