"""Runs each rule example twice, as written (eager) and with its function `f` hybridized.

Reads examples.json, a list of {"id", "source", "decorator"}; writes results.json, one
{"id", "eager", "hybrid"} per example, where each outcome is {"ok", "error", "result"}.
`f` is hybridized where it is defined (`f = <decorator>(f)` right after its `def`, at any
nesting), so the module-level code that follows calls the hybrid, as an edit would make it.
An example's `result` variable, when it sets one, is compared as plain Python values.
"""
import ast
import json
import os
import runpy
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402


class _Hybridize(ast.NodeTransformer):
    def __init__(self, decorator):
        self.decorator = decorator
        self.found = False

    def generic_visit(self, node):
        super().generic_visit(node)
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            if not isinstance(statements, list):
                continue
            rewritten = []
            for statement in statements:
                rewritten.append(statement)
                if isinstance(statement, ast.FunctionDef) and statement.name == "f":
                    self.found = True
                    rewritten.append(ast.parse(f"f = ({self.decorator})(f)").body[0])
            setattr(node, field, rewritten)
        return node


def _plain(value):
    def convert(item):
        if hasattr(item, "numpy"):
            return item.numpy().tolist()
        return item

    try:
        return repr(tf.nest.map_structure(convert, value))
    except Exception:  # noqa: BLE001 - a value nest cannot walk is compared by its repr
        return repr(value)


def _run(tree, path):
    # From a file, as the project's code would run: AutoGraph reads a function's source to
    # convert its Python control flow, and finds none for code made by exec.
    with open(path, "w") as file:
        file.write(ast.unparse(tree) + "\n")
    keras.utils.set_random_seed(0)
    try:
        namespace = runpy.run_path(path, run_name="__main__")
    except Exception as error:  # noqa: BLE001 - every failure is an outcome to report
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:400], "result": None}
    return {"ok": True, "error": None, "result": _plain(namespace.get("result"))}


def main():
    examples = json.load(open(sys.argv[1]))
    os.makedirs("runs", exist_ok=True)
    results = []
    for number, example in enumerate(examples):
        eager = _run(ast.parse(example["source"]), f"runs/example_{number}_eager.py")
        transformer = _Hybridize(example["decorator"])
        tree = ast.fix_missing_locations(transformer.visit(ast.parse(example["source"])))
        hybrid = _run(tree, f"runs/example_{number}_hybrid.py") if transformer.found else {
            "ok": False, "error": "the example defines no f", "result": None}
        results.append({"id": example["id"], "eager": eager, "hybrid": hybrid})
    json.dump(results, open(sys.argv[2], "w"), indent=1)


main()
