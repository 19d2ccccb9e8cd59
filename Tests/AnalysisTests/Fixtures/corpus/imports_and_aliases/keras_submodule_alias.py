# `import tensorflow.keras as K`: K.layers and K.Input are TensorFlow Keras APIs: P1.
import tensorflow.keras as K


def projection_head(features):  # expect: P1
    normalized = K.layers.LayerNormalization()(features)
    return K.layers.Dense(4)(normalized)


projection_head(K.Input(shape=(16,)))
