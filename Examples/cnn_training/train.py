"""Train the shape classifier with the custom loop and print the final loss.

    python train.py [--steps N]

Deterministic: the data, the weights and the augmentation noise are all seeded. The last
line printed is ``final loss: <loss on the clean training set>``.
"""

import argparse
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

from cnn.config import DEFAULT_CONFIG, format_config  # noqa: E402
from cnn.data import batches, make_shapes  # noqa: E402
from cnn.train import evaluate, fit, make_trainer  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=400, help="training steps (default 400)")
    args = parser.parse_args()

    config = DEFAULT_CONFIG
    print(format_config(config))
    keras.utils.set_random_seed(config["data"]["seed"])
    data = config["data"]
    images, labels = make_shapes(data["examples"], size=data["size"], seed=data["seed"], noise=data["noise"])
    train_batches = batches(images, labels, data["batch_size"])

    trainer = make_trainer(config, train_batches[0][0])
    print(f"parameters: {trainer.model.count_params()}")
    fit(trainer, train_batches, args.steps, augment_noise=config["augment"]["noise"],
        seed=data["seed"], log_every=config["log_every"])
    print(f"last epoch: train loss {float(trainer.train_loss.result()):.4f}, "
          f"train accuracy {float(trainer.train_accuracy.result()):.3f}")
    loss, accuracy = evaluate(trainer, train_batches)
    print(f"accuracy: {accuracy:.3f}")
    print(f"final loss: {loss:.8g}")


if __name__ == "__main__":
    main()
