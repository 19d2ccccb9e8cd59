# A library module nobody calls (no module-level call, no test): no call-graph nodes, so side
# effects, recursion and primitive-ness cannot be decided; definite facts still stand.
import tensorflow as tf


def normalize(x):  # expect: fail=3,9,10,11; reachable=false
    return x / tf.norm(x)


def normalize_typed(x: tf.Tensor):  # expect: fail=3,9,11; tensorParameter=true
    return x / tf.norm(x)


def noisy_identity(x):  # expect: fail=4,9,10,11; sideEffects=true
    print("identity")
    return tf.identity(x)


def default_kernel():  # expect: fail=3,6,9
    return tf.eye(3)


def version():  # expect: fail=3,6,9,14
    return "1.2.0"
