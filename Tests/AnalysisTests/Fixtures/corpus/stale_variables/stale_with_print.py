# A stale read and a print: the classic 4 and the first newer blocker, 19.
import keras
import tensorflow as tf

model = keras.Sequential([keras.layers.Dense(2)])
optimizer = keras.optimizers.SGD(0.01)


def step(x):  # expect: fail=4,19
    variables = model.trainable_variables
    print("step")
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(model(x))
    optimizer.apply(tape.gradient(loss, variables), variables)
    return loss


step(tf.ones([3, 5]))
