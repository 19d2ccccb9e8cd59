# A helper calls the model it is given, after the step read its list (19 through a callee).
import keras
import tensorflow as tf

encoder = keras.Sequential([keras.layers.Dense(4), keras.layers.Dense(1)])
optimizer = keras.optimizers.Adam()


def forward(network, x):  # expect: P1
    return network(x)


def fit_batch(x, y):  # expect: fail=19; staleVariableReads=true
    weights = encoder.trainable_weights
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(forward(encoder, x) - y))
    optimizer.apply(tape.gradient(loss, weights), weights)
    return loss


fit_batch(tf.ones([8, 3]), tf.zeros([8, 1]))
