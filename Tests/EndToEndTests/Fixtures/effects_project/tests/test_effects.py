import tensorflow as tf

from shop import effects


class Optimizer:
    def __init__(self, rate):
        self.rate = rate


def test_global_item_iterator_effects():
    effects.bump()
    effects.register("a", 1)
    effects.remember(2)
    assert effects.take() == 0
    assert effects.advance(iter([5, 6])) == 5


def test_print_logging_io(tmp_path):
    effects.shout(3)
    effects.note(4)
    effects.save(tmp_path / "out.txt", 5)
    effects.probe_socket()


def test_attribute_writes():
    box = effects.Box()
    effects.fill(box, 7)
    assert effects.fresh_box(8).value == 8


def test_tensors_and_primitives():
    x = tf.ones([4, 3])
    for factor in (1.0, 2.0, 3.0):
        effects.scaled(x, factor)
    effects.pure(x, tf.transpose(x))
    effects.nested([x, tf.zeros([2, 3])])
    assert effects.hybrid(tf.ones([2, 2])).shape == (2, 2)
    effects.make_variable(tf.zeros([3]))


def test_same_object_every_call():
    optimizer = Optimizer(0.1)
    for _ in range(5):
        effects.use(optimizer, 1.0)


def test_new_object_every_call():
    # Each optimizer dies after its call, so CPython hands the next one the same address.
    for step in range(5):
        effects.use(Optimizer(0.1 * step), 1.0)


def test_thread():
    assert float(effects.in_thread(tf.ones([3, 2]))) == 6.0


def test_many_distinct_literals():
    for step in range(40):
        effects.scaled(tf.ones([2]), float(step + 10))
        effects.count_items([step, step + 1])
