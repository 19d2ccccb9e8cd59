# keras.ops and merge layers on KerasTensors give KerasTensors: both helpers receive one: 23.
import keras
from keras import layers


def head(t):  # expect: fail=23
    return layers.Dense(2)(t)


def merge(a, b):  # expect: fail=23
    return layers.Dense(4)(a) + b


inputs = keras.Input((4,))
x = keras.ops.relu(inputs)
joined = layers.concatenate([x, inputs])
summed = layers.Add()([x, inputs])
model = keras.Model(inputs, [head(joined), merge(summed, x)])
