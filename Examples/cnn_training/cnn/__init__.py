"""A tiny Keras 3 convolutional classifier of synthetic shapes, used as a Hybridize example."""
