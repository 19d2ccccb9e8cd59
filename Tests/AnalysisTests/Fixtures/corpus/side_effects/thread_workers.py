# Row sums computed by worker threads: starting Python threads is not something a graph replays
# (and TF's graph context is thread-local), so `parallel_sums` has a side effect. The worker is
# passed to `Thread`, so it is reachable, but what `args=` hands it is not followed (10, 11).
import threading

import tensorflow as tf


def row_sum(t):  # expect: fail=10
    return tf.reduce_sum(t, axis=-1)


def parallel_sums(tensors):  # expect: fail=4; sideEffects=true
    results = [None] * len(tensors)

    def worker(i, t):  # expect: fail=4,10,11; reachable=true
        results[i] = row_sum(t)

    threads = [threading.Thread(target=worker, args=(i, t)) for i, t in enumerate(tensors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


parallel_sums([tf.ones([2, 3]), tf.ones([4, 3])])
