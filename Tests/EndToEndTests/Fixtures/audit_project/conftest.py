"""Seeds every test, and hybridizes named functions on request.

HYBRIDIZE_WRAP="lab.models:train_step,lab.models:Classifier.call" wraps each named module
function or method with tf.function before any test module is imported. Tests call
functions as module attributes (`models.train_step(...)`), so they see the wrapped ones.
"""
import importlib
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402


def _wrap(target):
    module_name, _, qualname = target.strip().partition(":")
    owner = importlib.import_module(module_name)
    *path, name = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    # Class attributes are read from the class's own dict so inherited methods stay unbound.
    original = vars(owner)[name] if isinstance(owner, type) else getattr(owner, name)
    setattr(owner, name, tf.function(original))


for _target in filter(None, os.environ.get("HYBRIDIZE_WRAP", "").split(",")):
    _wrap(_target)


@pytest.fixture(autouse=True)
def _seeded():
    keras.utils.set_random_seed(1234)
    yield
