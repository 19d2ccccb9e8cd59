# Lambdas kept in names, attributes and containers, then called: the printing one makes its
# caller effectful (4); the caller of the pure one is P1. A dict lookup is not told apart by its key,
# so both callers of `HANDLERS` reach both lambdas (4: the printing one; no 14: the squaring one).
import tensorflow as tf

announce = lambda t: print("value", t)
HANDLERS = {"square": lambda t: tf.square(t), "announce": announce}


class Head:
    def __init__(self):  # expect: fail=32
        self.activation = lambda t: tf.nn.relu(t)

    def forward(self, x):  # expect: P1
        return self.activation(x) + 1.0


def squared(x):  # expect: fail=4
    return HANDLERS["square"](x)


def announced(x):  # expect: fail=4
    HANDLERS["announce"](x)
    return x


def through_name(x):  # expect: fail=4,14
    announce(x)
    return x


squared(tf.ones([2]))
announced(tf.ones([2]))
through_name(tf.ones([2]))
Head().forward(tf.ones([2]))
