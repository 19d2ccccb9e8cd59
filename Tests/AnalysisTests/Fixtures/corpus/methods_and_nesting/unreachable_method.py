# `Legacy.export` is never called (no call-graph node): fail 3,9,10,11; `run` is called: P1.
import tensorflow as tf


class Legacy:
    def export(self, x):  # expect: fail=3,9,10,11; reachable=false
        return tf.identity(x)

    def run(self, x):  # expect: P1; reachable=true
        return tf.nn.relu(x)


Legacy().run(tf.ones([2]))
