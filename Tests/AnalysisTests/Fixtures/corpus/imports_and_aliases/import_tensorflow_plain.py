# `import tensorflow` without an alias: tensorflow.* calls are TF ops and tensor sources: P1.
import tensorflow


def probabilities(logits):  # expect: P1
    return tensorflow.nn.softmax(logits)


probabilities(tensorflow.constant([1.0, 2.0, 3.0]))
