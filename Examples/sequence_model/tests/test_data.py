import numpy as np

from seqmodel.data import DRIFTS, NUM_CLASSES, make_trend_data, train_test_split


def test_make_trend_data_shapes_and_dtypes():
    x, labels, trend = make_trend_data(16, length=12, seed=0)
    assert x.shape == (16, 12, 2) and x.dtype == np.float32
    assert labels.shape == (16,) and labels.dtype == np.int32
    assert trend.shape == (16, 1) and trend.dtype == np.float32
    assert set(np.unique(labels)) <= set(range(NUM_CLASSES))
    # The second channel is the running sum of the first.
    np.testing.assert_allclose(x[:, :, 1], np.cumsum(x[:, :, 0], axis=1), rtol=1e-5, atol=1e-6)


def test_make_trend_data_is_deterministic_and_trend_follows_label():
    a = make_trend_data(64, seed=5)
    b = make_trend_data(64, seed=5)
    c = make_trend_data(64, seed=6)
    for left, right in zip(a, b):
        np.testing.assert_array_equal(left, right)
    assert not np.array_equal(a[0], c[0])
    _, labels, trend = a
    np.testing.assert_array_equal(np.sign(trend[:, 0]), np.sign(DRIFTS[labels]))


def test_train_test_split_keeps_rows_aligned():
    x, labels, trend = make_trend_data(20, seed=1)
    (x_train, labels_train, trend_train), (x_test, labels_test, trend_test) = train_test_split(
        (x, labels, trend), test_fraction=0.25
    )
    assert len(x_train) == len(labels_train) == len(trend_train) == 15
    assert len(x_test) == len(labels_test) == len(trend_test) == 5
    np.testing.assert_array_equal(np.concatenate([labels_train, labels_test]), labels)
