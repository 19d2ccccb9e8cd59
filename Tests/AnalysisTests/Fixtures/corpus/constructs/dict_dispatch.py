# Dicts of callables built by assignment, `update`, new keys, nesting and parameters: each call
# through them reaches what was put in.
import tensorflow as tf


def shout(x):  # expect: fail=4,14
    print(x)
    return x


def double(x):  # expect: P1
    return x * 2.0


TABLE = {"double": double}
TABLE.update({"shout": shout})
NESTED = {"ops": {"double": double}}


def through_update(x):  # expect: fail=4
    return TABLE["shout"](x) * 1.0


def through_nesting(x):  # expect: P1
    return NESTED["ops"]["double"](x)


def through_new_key(x):  # expect: fail=4
    local = {}
    local["act"] = shout
    return local["act"](x) + 1.0


def dispatch(table, x):  # expect: fail=4
    return table["op"](x) + 1.0


through_update(tf.ones([2]))
through_nesting(tf.ones([2]))
through_new_key(tf.ones([2]))
dispatch({"op": shout}, tf.ones([2]))
