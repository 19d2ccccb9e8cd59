# A model and a Dataset are not tensors; `epochs` is a literal; fit is eager-only: fail 6,12,15.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
dataset = tf.data.Dataset.from_tensor_slices((tf.ones([8, 2]), tf.zeros([8, 1]))).batch(4)


def train(net, data, epochs):  # expect: fail=6,12,15
    return net.fit(data, epochs=epochs, verbose=0)


train(model, dataset, 3)
