"""One function per kind of effect the tracer must see, and pure ones it must not blame.

Expected observations are asserted by Tests/EndToEndTests/TraceEffectsTests.swift.
"""
import logging
import socket
import threading

import tensorflow as tf

COUNTER = 0
REGISTRY = {}
EVENTS = []
SOURCE = iter(range(100))
log = logging.getLogger("shop")


def bump():
    global COUNTER
    COUNTER += 1


def register(name, value):
    REGISTRY[name] = value


def remember(x):
    EVENTS.append(x)


def take():
    return next(SOURCE)


def advance(iterator):
    return next(iterator)


def shout(x):
    print("x is", x)
    return x


def note(x):
    log.warning("x=%s", x)
    return x


def save(path, x):
    with open(path, "w") as handle:
        handle.write(str(x))


def probe_socket():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.close()


class Box:
    def __init__(self):
        self.value = 0

    def set(self, value):
        self.value = value


def fill(box, value):
    box.set(value)


def fresh_box(value):
    box = Box()
    box.set(value)
    return box


def pure(x, y):
    return tf.matmul(x, y) + 1.0


def scaled(x, factor):
    return x * factor


def use(optimizer, x):
    return x + optimizer.rate


def make_variable(x):
    return tf.Variable(x)


@tf.function
def hybrid(x):
    return pure(x, tf.transpose(x))


def row_total(t):
    return tf.reduce_sum(t)


def in_thread(x):
    results = []
    worker = threading.Thread(target=lambda: results.append(row_total(x)))
    worker.start()
    worker.join()
    return results[0]


def nested(items):
    return [pure(item, tf.transpose(item)) for item in items]


def count_items(values):
    return len(values)
