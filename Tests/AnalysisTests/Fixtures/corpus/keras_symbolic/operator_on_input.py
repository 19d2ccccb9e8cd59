# Arithmetic on a KerasTensor is symbolic too: the head receives one: fail 23.
import keras
from keras import layers


def head(features):  # expect: fail=23
    return layers.Dense(3)(features)


inputs = keras.Input(shape=(4,))
model = keras.Model(inputs, head(inputs * 2.0 + 1.0))
