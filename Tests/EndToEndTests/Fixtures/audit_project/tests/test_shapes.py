import numpy as np

from lab import shapes
from tests import call_plans


def test_normalize_batch_centres_and_scales():
    for (x,) in call_plans.normalize_calls():
        out = shapes.normalize_batch(x).numpy()
        assert out.shape == tuple(x.shape)
        np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-5)
        np.testing.assert_allclose(out.std(axis=0), 1.0, atol=1e-3)


def test_scale_by_multiplies():
    for x, factor in call_plans.scale_calls():
        np.testing.assert_allclose(shapes.scale_by(x, factor).numpy(), x.numpy() * factor, rtol=1e-6)
