# A decorator factory: `retry(3)` returns `decorate`, which wraps `forward` in a `wrapper` that logs.
# Calling `forward` runs the wrapper, so `forward` has the logging side effect.
import logging

import tensorflow as tf

log = logging.getLogger(__name__)


def retry(times):  # expect: fail=6,12,14
    def decorate(fn):  # expect: fail=6,14
        def wrapper(x):  # expect: fail=4; tensorParameter=true recursive=false
            for attempt in range(times):
                try:
                    return fn(x)
                except tf.errors.ResourceExhaustedError:
                    log.warning("retrying after attempt %d", attempt)
            raise RuntimeError("out of attempts")

        return wrapper

    return decorate


@retry(3)
def forward(x):  # expect: fail=4; recursive=false
    return tf.square(x)


forward(tf.ones([2]))
