import numpy as np
import tensorflow as tf

from trainer.data import make_dataset, normalize, synthetic_data


def test_synthetic_data_shapes_and_dtypes():
    features, labels = synthetic_data(32, 4, seed=0)
    assert features.shape == (32, 4) and features.dtype == np.float32
    assert labels.shape == (32,) and labels.dtype == np.int32
    assert set(np.unique(labels)) <= {0, 1, 2}


def test_synthetic_data_is_deterministic_per_seed():
    a = synthetic_data(16, 4, seed=7)
    b = synthetic_data(16, 4, seed=7)
    c = synthetic_data(16, 4, seed=8)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_normalize_standardises_features_and_keeps_labels(batch):
    x, y = batch
    nx, ny = normalize(x, y)
    assert nx.shape == x.shape and nx.dtype == tf.float32
    np.testing.assert_allclose(tf.reduce_mean(nx, axis=-1).numpy(), np.zeros(8), atol=1e-5)
    np.testing.assert_allclose(tf.math.reduce_std(nx, axis=-1).numpy(), np.ones(8), atol=1e-4)
    np.testing.assert_array_equal(ny.numpy(), y.numpy())


def test_make_dataset_batches_and_normalises():
    features, labels = synthetic_data(20, 4, seed=1)
    dataset = make_dataset(features, labels, batch_size=8)
    batches = list(dataset)
    assert [int(x.shape[0]) for x, _ in batches] == [8, 8, 4]
    first_x, first_y = batches[0]
    assert first_x.shape == (8, 4) and first_x.dtype == tf.float32
    assert first_y.dtype == tf.int32
    np.testing.assert_allclose(tf.reduce_mean(first_x, axis=-1).numpy(), np.zeros(8), atol=1e-5)
    np.testing.assert_array_equal(first_y.numpy(), labels[:8])


def test_dataset_iterated_with_next():
    features, labels = synthetic_data(16, 4, seed=2)
    iterator = iter(make_dataset(features, labels, batch_size=8))
    x1, y1 = next(iterator)
    x2, y2 = next(iterator)
    np.testing.assert_array_equal(y1.numpy(), labels[:8])
    np.testing.assert_array_equal(y2.numpy(), labels[8:])
    assert x1.shape == x2.shape == (8, 4)
