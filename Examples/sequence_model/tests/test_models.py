import numpy as np
import tensorflow as tf

from seqmodel.layers import MinGRUCell, PositionalEmbedding, TransformerBlock
from seqmodel.models import GRUClassifier, TransformerRegressor


def test_min_gru_cell_builds_weights_and_keeps_state_shape():
    cell = MinGRUCell(5)
    state = cell(tf.ones([4, 2]), tf.zeros([4, 5]))
    assert state.shape == (4, 5)
    assert sorted(tuple(w.shape) for w in cell.trainable_weights) == [(2, 15), (5, 15), (15,)]


def test_min_gru_cell_with_zero_weights_halves_the_state():
    cell = MinGRUCell(3)
    state = tf.constant([[1.0, -2.0, 4.0]])
    cell(tf.ones([1, 2]), state)
    for weight in cell.trainable_weights:
        weight.assign(tf.zeros_like(weight))
    # update gate = sigmoid(0) = 0.5 and candidate = tanh(0) = 0.
    np.testing.assert_allclose(cell(tf.ones([1, 2]), state).numpy(), 0.5 * state.numpy(), rtol=1e-6)


def test_gru_classifier_logits_and_variables(batch):
    x, _, _ = batch
    model = GRUClassifier(units=8, num_classes=3)
    logits = model(x[:, :6])
    assert logits.shape == (32, 3) and logits.dtype == tf.float32
    assert len(model.trainable_variables) == 5  # cell kernel, recurrent kernel, bias; head kernel, bias
    groups = model.regularized_weights()
    assert sorted(groups) == ["cell", "head"]
    assert len(groups["cell"]) == 2 and len(groups["head"]) == 1


def test_gru_classifier_depends_on_early_steps(batch):
    x, _, _ = batch
    x = x[:, :6]
    model = GRUClassifier(units=8)
    changed = tf.concat([x[:, :1, :] + 1.0, x[:, 1:, :]], axis=1)
    assert not np.allclose(model(x).numpy(), model(changed).numpy())


def test_positional_embedding_adds_one_vector_per_step():
    layer = PositionalEmbedding()
    x = tf.zeros([2, 6, 4])
    out = layer(x)
    assert tuple(layer.positions.shape) == (6, 4)
    np.testing.assert_allclose(out.numpy()[0], layer.positions.numpy())
    np.testing.assert_allclose(out.numpy()[1], layer.positions.numpy())


def test_transformer_block_keeps_shape():
    block = TransformerBlock(8, num_heads=2, hidden=16)
    out = block(tf.random.stateless_normal([3, 5, 8], seed=[1, 2]))
    assert out.shape == (3, 5, 8)
    assert len(block.trainable_weights) > 0


def test_transformer_regressor_predicts_one_value_per_sequence(batch):
    x, _, _ = batch
    model = TransformerRegressor(dim=8, num_heads=2, hidden=16)
    out = model(x)
    assert out.shape == (32, 1) and out.dtype == tf.float32
