import keras
import tensorflow as tf

from ringgan.models import Discriminator, count_params, make_generator


def test_generator_maps_noise_to_points():
    generator = make_generator(latent_dim=4, hidden_units=16)
    points = generator(tf.zeros([32, 4]))
    assert points.shape == (32, 2) and points.dtype == tf.float32
    # Built from its Input: 4*16+16 + 16*16+16 + 16*2+2 weights.
    assert count_params(generator) == 80 + 272 + 34


def test_discriminator_creates_its_weights_on_first_call():
    discriminator = Discriminator(hidden_units=16)
    assert not discriminator.built
    assert discriminator.trainable_variables == []
    logits = discriminator(tf.zeros([32, 2]))
    assert logits.shape == (32, 1)
    shapes = sorted(tuple(v.shape) for v in discriminator.trainable_variables)
    assert shapes == sorted([(2, 16), (16,), (16, 16), (16,), (16, 1), (1,)])
    assert count_params(discriminator) == 48 + 272 + 17


def test_count_params_recurses_into_nested_models():
    inner = make_generator(latent_dim=4, hidden_units=16)
    outer = keras.Sequential([keras.Input(shape=(4,)), inner, keras.layers.Dense(3)])
    assert count_params(outer) == count_params(inner) + 2 * 3 + 3


def test_discriminator_output_follows_its_weights():
    discriminator = Discriminator(hidden_units=16)
    points = tf.constant([[2.0, 0.0], [0.0, -2.0], [1.0, 1.0], [0.0, 0.0]])
    before = discriminator(points).numpy()
    # Same shape as the call that built it: the output must see the new weights.
    for variable in discriminator.trainable_variables:
        variable.assign_add(tf.fill(variable.shape, 0.1))
    after = discriminator(points).numpy()
    assert (abs(after - before) > 1e-3).all()
    with tf.GradientTape() as tape:
        score = tf.reduce_sum(discriminator(points))
    gradients = tape.gradient(score, discriminator.trainable_variables)
    assert all(gradient is not None for gradient in gradients)
