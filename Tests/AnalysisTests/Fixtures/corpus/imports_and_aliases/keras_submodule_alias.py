# `import tensorflow.keras as K`: K.layers and K.Input are TensorFlow Keras APIs. K.Input is a
# KerasTensor, which a tf.function refuses (TF 2.21/Keras 3: ValueError "A KerasTensor is symbolic"): 23.
import tensorflow.keras as K


def projection_head(features):  # expect: fail=23
    normalized = K.layers.LayerNormalization()(features)
    return K.layers.Dense(4)(normalized)


projection_head(K.Input(shape=(16,)))
