"""Train the small convnet on augmented synthetic images (the training run).

Usage: python train.py [--steps N]

Deterministic: fixed seeds for the data, the model and every augmentation.
It prints how long the training loop took, and as its last line
``final loss: <loss>``, the mean loss over the held-out batches after
training.
"""

import argparse
import logging
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

from augpipe import augmentations  # noqa: E402
from augpipe.data import make_eval_dataset, make_train_dataset, synthetic_images  # noqa: E402
from augpipe.model import count_parameters, make_model  # noqa: E402
from augpipe.training import Trainer, evaluate, fit  # noqa: E402

BATCH_SIZE = 16


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200, help="training steps (batches)")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    keras.utils.set_random_seed(0)
    train_images, train_labels = synthetic_images(512, seed=0)
    eval_images, eval_labels = synthetic_images(256, seed=1)
    train_ds = make_train_dataset(train_images, train_labels, BATCH_SIZE, seed=0)
    eval_ds = make_eval_dataset(eval_images, eval_labels, BATCH_SIZE)

    model = make_model()
    print(f"model: {count_parameters(model)} parameters")
    trainer = Trainer(model, learning_rate=0.005)
    start = time.perf_counter()
    losses = fit(trainer, train_ds, steps=args.steps, base_seed=0, log_every=100)
    print(f"trained {args.steps} steps in {time.perf_counter() - start:.2f} s")
    print(f"augmented images: {augmentations.AUGMENTED_IMAGES}")
    print(f"last training loss: {losses[-1]:.4f}")
    loss, accuracy = evaluate(trainer, eval_ds)
    print(f"eval accuracy: {accuracy:.3f}")
    print(f"final loss: {loss:.8g}")


if __name__ == "__main__":
    main()
