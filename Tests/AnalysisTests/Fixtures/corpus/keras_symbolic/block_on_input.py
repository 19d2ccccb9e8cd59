# A block applied to keras.Input and to its own output: KerasTensors, which a tf.function refuses
# (Keras 3: ValueError "A KerasTensor is symbolic"): fail 23. The builder takes none: 6.
import keras
from keras import layers


def dense_block(x):  # expect: fail=23
    x = layers.Dense(16)(x)
    return layers.ReLU()(x)


def build_model():  # expect: fail=6
    inputs = keras.Input(shape=(8,))
    return keras.Model(inputs, dense_block(dense_block(inputs)))


build_model()
