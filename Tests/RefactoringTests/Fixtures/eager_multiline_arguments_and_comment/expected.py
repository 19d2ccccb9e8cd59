import tensorflow as tf


class Model:
    @staticmethod
    def step(x):
        return x + 1
