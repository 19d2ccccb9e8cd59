# A small end-to-end script: the pure step converts; the printing loop with an int literal does not.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.SGD(0.1)
features = tf.random.normal([32, 2])
data = tf.data.Dataset.from_tensor_slices((features, tf.random.normal([32, 1]))).batch(8)


def step(x, y):  # expect: P1
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


def fit(epochs):  # expect: fail=4,6,12
    for epoch in range(epochs):
        for x, y in data:
            loss = step(x, y)
        print("epoch", epoch, "loss", loss)


def main():  # expect: fail=4,6
    fit(3)


if __name__ == "__main__":
    main()
