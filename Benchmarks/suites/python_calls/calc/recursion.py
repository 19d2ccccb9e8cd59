"""Recursive functions: naive Fibonacci, tree building and walking, flattening."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def build_tree(depth):
    """A complete binary tree of nested tuples."""
    if depth == 0:
        return None
    return (depth, build_tree(depth - 1), build_tree(depth - 1))


def tree_sum(node):
    if node is None:
        return 0
    value, left, right = node
    return value + tree_sum(left) + tree_sum(right)


def tree_depth(node):
    if node is None:
        return 0
    return 1 + max(tree_depth(node[1]), tree_depth(node[2]))


def flatten(nested):
    """Flatten arbitrarily nested lists."""
    out = []
    for item in nested:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
