# A GAN step and its loss over module-level Keras objects, called with tensors: P1 for both.
import tensorflow as tf

generator = tf.keras.Sequential([tf.keras.layers.Dense(4)])
discriminator = tf.keras.Sequential([tf.keras.layers.Dense(1)])
g_opt = tf.keras.optimizers.Adam(1e-4)
d_opt = tf.keras.optimizers.Adam(1e-4)
bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_logits, fake_logits):  # expect: P1
    real = bce(tf.ones_like(real_logits), real_logits)
    return real + bce(tf.zeros_like(fake_logits), fake_logits)


def gan_train_step(real, noise):  # expect: P1; tensorParameter=true
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(noise, training=True)
        fake_logits = discriminator(fake, training=True)
        d_loss = discriminator_loss(discriminator(real, training=True), fake_logits)
        g_loss = bce(tf.ones_like(fake_logits), fake_logits)
    g_grads = g_tape.gradient(g_loss, generator.trainable_variables)
    d_grads = d_tape.gradient(d_loss, discriminator.trainable_variables)
    g_opt.apply_gradients(zip(g_grads, generator.trainable_variables))
    d_opt.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    return g_loss, d_loss


gan_train_step(tf.random.normal([8, 4]), tf.random.normal([8, 2]))
