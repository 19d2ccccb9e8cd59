# pytest passes fixtures and parametrized values to tests, and tests are the entry points: the
# fixture's tensor reaches `standardize` (P1), the parametrized floats reach `shift` (12).
import pytest
import tensorflow as tf


def standardize(x):  # expect: P1
    return (x - tf.reduce_mean(x)) / tf.math.reduce_std(x)


def shift(x, offset):  # expect: fail=12
    return x + offset


@pytest.fixture
def features():  # expect: fail=6; reachable=true
    return tf.random.stateless_normal([8, 4], seed=[1, 2])


def test_standardize_centres(features):  # expect: P1
    assert abs(float(tf.reduce_mean(standardize(features)))) < 1e-5


@pytest.mark.parametrize("offset", [0.5, 2.0])
def test_shift_adds(features, offset):  # expect: fail=12
    assert float(tf.reduce_min(shift(features, offset) - features)) == pytest.approx(offset)


def test_uses_tmp_path(tmp_path):  # expect: fail=4,6,14
    (tmp_path / "out.txt").write_text("done")
