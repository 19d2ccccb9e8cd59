# `map`, `filter` and `sorted(key=)` call the project functions they are given: the caller gets
# their effects (4); a pure mapped function leaves its caller P1.
import tensorflow as tf


def noisy_key(t):  # expect: fail=4,14
    print(t)
    return 0


def keep(t):  # expect: fail=4,14
    print("keep?", t)
    return True


def squared(t):  # expect: P1
    return tf.square(t)


def sort_parts(parts):  # expect: fail=4,14
    return sorted(parts, key=noisy_key)


def kept_parts(parts):  # expect: fail=4,14
    return list(filter(keep, parts))


def squared_parts(x):  # expect: P1
    return tf.add_n(list(map(squared, [x, x])))


sort_parts([tf.ones([2]), tf.zeros([2])])
kept_parts([tf.ones([2])])
squared_parts(tf.ones([2]))
