"""A small GAN on a ring of Gaussians, trained with tf.GradientTape (a Hybridize example)."""
