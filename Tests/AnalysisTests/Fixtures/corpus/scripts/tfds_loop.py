# Batches from TensorFlow Datasets: `tfds.load` returns a tf.data pipeline, so the step takes tensors (P1).
import tensorflow as tf
import tensorflow_datasets as tfds

train = tfds.load("mnist", split="train", as_supervised=True).batch(64)
weights = tf.Variable(tf.zeros([784, 10]))


def logits_of(images):  # expect: P1; tensorParameter=true
    flat = tf.reshape(tf.cast(images, tf.float32), [-1, 784])
    return tf.matmul(flat, weights)


for images, labels in train:
    logits_of(images)
