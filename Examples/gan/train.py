"""Train the ring GAN: python train.py [--steps N].

The last line printed is ``final loss: <generator loss of the last step>``.
"""

import argparse
import logging
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

from ringgan.data import ring_centers, sample_noise  # noqa: E402
from ringgan.models import Discriminator, count_params, make_generator  # noqa: E402
from ringgan.trainer import GANTrainer, fit, generate, mode_coverage  # noqa: E402

LATENT_DIM = 8


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=250)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    keras.utils.set_random_seed(0)
    generator = make_generator(LATENT_DIM, hidden_units=64)
    discriminator = Discriminator(hidden_units=64)
    trainer = GANTrainer(generator, discriminator, latent_dim=LATENT_DIM)
    print(f"generator: {count_params(generator)} parameters, "
          f"discriminator: {count_params(discriminator)} parameters")

    d_loss, g_loss = fit(trainer, args.steps, batch_size=args.batch_size, seed=0)

    samples = generate(generator, sample_noise(np.random.default_rng(1), 1000, LATENT_DIM))
    print(f"modes covered: {mode_coverage(samples, ring_centers())}/8, "
          f"discriminator loss: {d_loss:.4f}")
    print(f"final loss: {g_loss:.8g}")


if __name__ == "__main__":
    main()
