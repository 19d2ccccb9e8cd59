# A function handed to Dataset.map receives the dataset's elements (tensors): P1.
import tensorflow as tf

images = tf.random.uniform([8, 32, 32, 3])
labels = tf.range(8)


def augment(image, label):  # expect: P1; tensorParameter=true reachable=true
    image = tf.image.flip_left_right(image)
    return tf.image.random_brightness(image, 0.1), label


dataset = tf.data.Dataset.from_tensor_slices((images, labels)).map(augment).batch(4)
