from calc.recursion import build_tree, fib, flatten, tree_depth, tree_sum


def test_fib():
    assert fib(25) == 75025  # ~243k calls


def test_fib_small_many():
    assert sum(fib(n) for n in range(22)) == 28656  # ~92k calls


def test_tree():
    tree = build_tree(16)  # ~131k calls
    assert tree_depth(tree) == 16  # ~131k calls
    assert tree_sum(tree) == sum((2 ** (16 - d)) * d for d in range(1, 17))  # ~131k calls


def test_flatten():
    nested = [[i, [i + 1, [i + 2, [i + 3]]]] for i in range(20000)]
    assert len(flatten(nested)) == 80000  # ~80k calls
