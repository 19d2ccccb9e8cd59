# Module code builds the model before the step runs (no 19).
import keras
import tensorflow as tf

model = keras.Sequential([keras.layers.Dense(1)])
model.build((None, 2))
optimizer = keras.optimizers.SGD(0.1)


def train_step(x, y):  # expect: P1; staleVariableReads=false
    variables = model.variables
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss


train_step(tf.ones([4, 2]), tf.zeros([4, 1]))
