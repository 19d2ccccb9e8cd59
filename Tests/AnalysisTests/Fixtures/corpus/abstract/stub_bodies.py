# Stub bodies: `raise NotImplementedError` and `...` are abstract (33, and 33 informational on a hybrid);
# a body that raises only on one path, or raises another error, is a real implementation.
import tensorflow as tf


class Block:
    def forward(self, x):  # expect: fail=33
        raise NotImplementedError("subclasses compute the block")

    @tf.function
    def project(self, x):  # expect: info=33
        ...

    def checked(self, x):  # expect: P1
        if x is None:
            raise NotImplementedError
        return tf.nn.relu(x)

    def refuse(self, x):  # expect: fail=14
        raise ValueError("this block takes no input")


block = Block()
block.forward(tf.ones([2]))
block.project(tf.ones([2]))
block.checked(tf.ones([2]))
block.refuse(tf.ones([2]))
