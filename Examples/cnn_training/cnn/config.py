"""The run's hyper-parameters as a nested dict, and a recursive helper to print them."""

DEFAULT_CONFIG = {
    "data": {"size": 12, "examples": 256, "batch_size": 32, "noise": 0.1, "seed": 0},
    "model": {"num_classes": 4, "filters": [4, 8], "hidden_units": 16},
    "optimizer": {"learning_rate": 0.003},
    "trainer": {"kind": "l2", "weight_decay": 0.0005, "smoothing": 0.1},
    "augment": {"noise": 0.3},
    "log_every": 50,
}


def flatten_config(config, prefix=""):
    """Flatten a nested dict into ``{"a.b.c": value}`` by recursing into sub-dicts."""
    flat = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten_config(value, prefix=f"{name}."))
        else:
            flat[name] = value
    return flat


def format_config(config):
    """One ``key = value`` line per leaf of ``config``, sorted by key."""
    return "\n".join(f"{key} = {value}" for key, value in sorted(flatten_config(config).items()))
