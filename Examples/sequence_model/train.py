"""Train one of the sequence models on synthetic trend data.

    python train.py [--steps N] [--model gru|transformer]

Deterministic (fixed seeds, no shuffling). The last line printed is
``final loss: <loss of the last training step>``.
"""

import argparse
import logging
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

from seqmodel.data import make_trend_data, train_test_split  # noqa: E402
from seqmodel.training import ClassifierTrainer, RegressionTrainer  # noqa: E402

SEQUENCE_LENGTH = 20
BATCH_SIZE = 32


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=250, help="training steps (default 250)")
    parser.add_argument("--model", choices=("gru", "transformer"), default="gru")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(name)s: %(message)s")
    keras.utils.set_random_seed(0)
    x, labels, trend = make_trend_data(1280, SEQUENCE_LENGTH, seed=0)
    (x_train, labels_train, trend_train), (x_test, labels_test, trend_test) = train_test_split((x, labels, trend))

    if args.model == "gru":
        trainer = ClassifierTrainer(x_train[:BATCH_SIZE])
        train_targets, test_targets = labels_train, labels_test
    else:
        trainer = RegressionTrainer(x_train[:BATCH_SIZE])
        train_targets, test_targets = trend_train, trend_test
    for name, value in trainer.config.items():
        print(f"config {name} = {value}")

    start = time.perf_counter()
    losses = trainer.fit(x_train, train_targets, args.steps, batch_size=BATCH_SIZE, log_every=20)
    elapsed = time.perf_counter() - start
    print(f"training: {args.steps} steps in {elapsed:.2f} s ({1000 * elapsed / max(args.steps, 1):.2f} ms/step)")
    print(f"test loss: {trainer.evaluate(x_test, test_targets):.4f}")
    if args.model == "gru":
        print(f"test accuracy: {trainer.accuracy(x_test, labels_test):.3f}")
    print(f"final loss: {losses[-1]:.8g}")


if __name__ == "__main__":
    main()
