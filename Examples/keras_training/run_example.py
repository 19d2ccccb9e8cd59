"""Train the Classifier for two epochs on synthetic data (the "script" variant)."""

import logging
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

from trainer.data import make_dataset, synthetic_data  # noqa: E402
from trainer.model import Classifier  # noqa: E402
from trainer.train import evaluate, fit  # noqa: E402


def main():
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    keras.utils.set_random_seed(0)
    features, labels = synthetic_data(n=256, dim=4, seed=0)
    dataset = make_dataset(features, labels, batch_size=32)
    model = Classifier(num_classes=3, hidden_units=16)
    history = fit(model, dataset, epochs=2, learning_rate=0.05)
    print(f"final loss: {history[-1]:.4f}")
    print(f"accuracy: {evaluate(model, dataset):.3f}")


if __name__ == "__main__":
    main()
