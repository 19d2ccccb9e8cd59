# Found by Benchmarks/fuzz.sh (seed 2, programs 1000-1249): `nonlocal self` in a method made the
# side-effect scan look up the receiver's key as a function index, out of range: SIGILL in
# analyze and refactor. CPython 3.11's compiler refuses this ("name 'self' is parameter and
# nonlocal"), but its parser, which is all hybridize runs, accepts it.
class Model:
    def call(self, x):
        nonlocal self
        self = x
        return self
