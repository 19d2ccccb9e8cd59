# The model knows its input shape at construction, so its list is complete before any call (no 19).
import keras
import tensorflow as tf

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(0.1)


def train_step(x, y):  # expect: P1; staleVariableReads=false
    variables = model.trainable_weights
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss


train_step(tf.ones([4, 2]), tf.zeros([4, 1]))
