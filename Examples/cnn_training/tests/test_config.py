import keras

from cnn.config import DEFAULT_CONFIG, flatten_config, format_config
from cnn.train import L2Trainer, LabelSmoothingTrainer, Trainer, make_trainer


def test_flatten_config_joins_nested_keys():
    nested = {"a": 1, "b": {"c": 2, "d": {"e": [3, 4]}}, "f": {}}
    assert flatten_config(nested) == {"a": 1, "b.c": 2, "b.d.e": [3, 4]}
    assert flatten_config(nested["b"], prefix="b.") == {"b.c": 2, "b.d.e": [3, 4]}


def test_format_config_prints_sorted_leaves():
    lines = format_config(DEFAULT_CONFIG).splitlines()
    assert lines == sorted(lines)
    assert "model.filters = [4, 8]" in lines
    assert len(lines) == len(flatten_config(DEFAULT_CONFIG))


def test_make_trainer_picks_the_configured_subclass(shape_batches):
    images = shape_batches[0][0]
    kinds = {"l2": L2Trainer, "label_smoothing": LabelSmoothingTrainer, "plain": Trainer}
    for kind, cls in kinds.items():
        config = dict(DEFAULT_CONFIG, trainer=dict(DEFAULT_CONFIG["trainer"], kind=kind))
        trainer = make_trainer(config, images)
        assert type(trainer) is cls
        assert isinstance(trainer.optimizer, keras.optimizers.Adam)
        assert trainer.model.count_params() == 1572
