"""Per-call hook cost: times tight loops of library calls and of project calls.

Run untraced (`python run.py`) and traced (`hybridize trace -- run.py`); the difference in
each loop's time divided by its call count is the hook's cost per call. Only the loops are
timed (time.perf_counter), so interpreter start-up does not count. Prints one JSON line.
"""

import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "vendor", "site-packages"))

from libmod import tiny  # noqa: E402

LIBRARY_CALLS = int(os.environ.get("HOOK_COST_LIBRARY_CALLS", 5_000_000))
PROJECT_CALLS = int(os.environ.get("HOOK_COST_PROJECT_CALLS", 1_000_000))


def project_tiny(x):
    return x


class Model:
    def step(self, x):
        return x


def method_loop(n):
    """Project method calls on one receiver: each call looks the receiver up among those seen."""
    model = Model()
    started = time.perf_counter()
    for i in range(n):
        model.step(i)
    return time.perf_counter() - started


def library_loop(n):
    started = time.perf_counter()
    for i in range(n):
        tiny(i)
    return time.perf_counter() - started


def project_loop(n):
    started = time.perf_counter()
    for i in range(n):
        project_tiny(i)
    return time.perf_counter() - started


def empty_loop(n):
    started = time.perf_counter()
    for i in range(n):
        pass
    return time.perf_counter() - started


def main():
    result = {
        "library_calls": LIBRARY_CALLS,
        "library_s": library_loop(LIBRARY_CALLS),
        "project_calls": PROJECT_CALLS,
        "project_s": project_loop(PROJECT_CALLS),
        "method_s": method_loop(PROJECT_CALLS),
        "empty_loop_s": empty_loop(LIBRARY_CALLS),
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
