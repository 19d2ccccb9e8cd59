"""What "inlined" means in TensorFlow 2.21: calls the outer hybrid N times and counts how often
the Python of the inner hybrid (Function.__call__) and of the eager helper runs, then lists the
ops of the outer graph. Writes inlining.json."""
import json
import sys

import tensorflow as tf
from tensorflow.python.eager.polymorphic_function import polymorphic_function

from lab import graphs

CALLS = 5
python_calls = {}
original_call = polymorphic_function.Function.__call__


def counting_call(self, *args, **kwargs):
    python_calls[self.__name__] = python_calls.get(self.__name__, 0) + 1
    return original_call(self, *args, **kwargs)


polymorphic_function.Function.__call__ = counting_call
original_helper = graphs.helper


def counting_helper(x):
    python_calls["helper"] = python_calls.get("helper", 0) + 1
    return original_helper(x)


graphs.helper = counting_helper
results = [float(graphs.outer(tf.constant([1.0, -2.0, 3.0]))) for _ in range(CALLS)]
graph = graphs.outer.get_concrete_function(tf.TensorSpec([3], tf.float32)).graph
json.dump({
    "outerCalls": CALLS,
    "pythonCalls": python_calls,
    "innerTracingCount": graphs.inner.experimental_get_tracing_count(),
    "outerTracingCount": graphs.outer.experimental_get_tracing_count(),
    "outerOps": sorted({op.type for op in graph.get_operations()}),
    "results": results,
}, open(sys.argv[1], "w"), indent=1)
