"""An image-augmentation input pipeline and a small convnet, used as a Hybridize example."""
