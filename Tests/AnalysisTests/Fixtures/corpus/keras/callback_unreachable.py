# A Keras callback hook is called by Keras, not by project code: no call-graph node. Its print is
# a definite effect (4, not 3); nothing types its parameters; it runs no TF op: fail 4,9,10,11,14.
import tensorflow as tf


class LossPrinter(tf.keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):  # expect: fail=4,9,10,11,14; reachable=false
        print(epoch, (logs or {}).get("loss"))


printer = LossPrinter()
