import pytest

from lab.steps import offline_inference


@pytest.mark.skip(reason="needs the offline dataset, which CI does not have")
def test_offline_inference(offline_weights, offline_batch):
    assert offline_inference(offline_weights, offline_batch).shape[0] == 8
