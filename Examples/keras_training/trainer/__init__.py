"""A small Keras 3 / TensorFlow 2 training project used as a Hybridize example."""
