# The variable list is read before the forward pass builds the model: the first eager step is empty (19).
import keras
import tensorflow as tf

model = keras.Sequential([keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(0.1)


def train_step(x, y):  # expect: fail=19; staleVariableReads=true
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, variables)
    optimizer.apply(grads, variables)
    return loss


train_step(tf.ones([4, 2]), tf.zeros([4, 1]))
