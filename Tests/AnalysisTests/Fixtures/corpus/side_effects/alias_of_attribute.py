# A local that is another name for an object from outside (`history = self.history`) is not an
# object the function made: appending through it is a side effect. A list it builds itself is.
import tensorflow as tf


class Trainer:
    def __init__(self):  # expect: fail=32
        self.history = []

    def step(self, x):  # expect: fail=4; sideEffects=true
        history = self.history
        loss = tf.reduce_mean(x)
        history.append(loss)
        return loss

    def losses(self, batches):  # expect: P1; sideEffects=false
        found = []
        for batch in batches:
            found.append(tf.reduce_mean(batch))
        return tf.stack(found)


trainer = Trainer()
trainer.step(tf.ones([3]))
trainer.losses([tf.ones([3]), tf.zeros([3])])
