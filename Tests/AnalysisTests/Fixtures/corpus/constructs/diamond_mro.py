# Under multiple inheritance `super()` follows the instance's MRO: in `Both(Left, Right)`,
# `Left.step`'s super() call reaches `Right.step`, which prints (4 for Left.step and Both's callers).
import tensorflow as tf


class Base:
    def step(self, x):  # expect: P1
        return x * 2.0


class Left(Base):
    def step(self, x):  # expect: fail=4
        return super().step(x) + 1.0


class Right(Base):
    def step(self, x):  # expect: fail=4
        print("right step")
        return super().step(x)


class Both(Left, Right):
    pass


def run_both(x):  # expect: fail=4
    return Both().step(x)


run_both(tf.ones([2]))
Base().step(tf.ones([2]))
