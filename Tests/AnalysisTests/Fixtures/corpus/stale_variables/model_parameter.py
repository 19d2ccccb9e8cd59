# The model is a parameter: whether it is built before the first call is left to traces (no 19 statically).
import keras
import tensorflow as tf


def train_step(model, optimizer, x, y):  # expect: P1; staleVariableReads=unknown
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    optimizer.apply(tape.gradient(loss, variables), variables)
    return loss


net = keras.Sequential([keras.layers.Dense(1)])
train_step(net, keras.optimizers.SGD(0.1), tf.ones([4, 2]), tf.zeros([4, 1]))
