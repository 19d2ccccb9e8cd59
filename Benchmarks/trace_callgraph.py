"""Runs one benchmark case (Tests/AnalysisTests/Fixtures/callgraph/<category>/<case>) under
sys.setprofile and prints the project edges Python really made, and the builtin functions it
called by name (from the syntax), in the benchmark's naming (README.md there): a draft of, and a
check on, the hand-reviewed callgraph.json. Its own edges follow the run, so a generator driven
elsewhere than where it was made, or a call of an override that the run did not exercise, needs
a look by hand.

    python3 Benchmarks/trace_callgraph.py Tests/AnalysisTests/Fixtures/callgraph/lambdas/assigned
"""
import ast
import contextlib
import json
import os
import runpy
import sys

case = os.path.abspath(sys.argv[1])
modules = {os.path.join(case, f): f[:-3] for f in os.listdir(case) if f.endswith(".py")}


import builtins

BUILTIN_NAMES = {n for n in dir(builtins) if callable(getattr(builtins, n)) and not n.startswith("_")}


def syntax_nodes(path, module, lambdas):
    """Every module, def and lambda, and the builtins each calls by name."""
    nodes = {module: set()}

    def visit(node, scope):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in child.decorator_list:
                    visit_expression(decorator, scope)
                for default in child.args.defaults + child.args.kw_defaults:
                    if default is not None:
                        visit_expression(default, scope)
                inner = scope + "." + child.name
                nodes.setdefault(inner, set())
                for statement in child.body:
                    visit_statement(statement, inner)
            elif isinstance(child, ast.ClassDef):
                for statement in child.body:
                    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        visit(ast.Module(body=[statement], type_ignores=[]), scope + "." + child.name)
                        # decorators and defaults run in the class body, i.e. the enclosing scope
                    else:
                        visit_statement(statement, scope)
            elif isinstance(child, ast.Lambda):
                inner = lambdas[child.lineno]
                nodes.setdefault(inner, set())
                visit_expression(child.body, inner)
            else:
                if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id in BUILTIN_NAMES:
                    nodes[scope].add("<builtin>." + child.func.id)
                visit(child, scope)

    def visit_statement(statement, scope):
        visit(ast.Module(body=[statement], type_ignores=[]), scope)

    def visit_expression(expression, scope):
        visit(ast.Expression(body=expression), scope)

    visit(ast.parse(open(path).read()), module)
    return nodes


def lambda_names(path, module):
    """(first line) -> name: lambdas are numbered per enclosing function in source order."""
    names = {}

    def visit(node, scope, counter):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, scope + "." + child.name, [0])
            elif isinstance(child, ast.ClassDef):
                visit(child, scope + "." + child.name, counter)
            elif isinstance(child, ast.Lambda):
                counter[0] += 1
                name = "%s.<lambda%d>" % (scope, counter[0])
                names[child.lineno] = name
                visit(child, name, [0])
            else:
                visit(child, scope, counter)

    visit(ast.parse(open(path).read()), module, [0])
    return names


lambdas = {path: lambda_names(path, module) for path, module in modules.items()}


def name(code):
    module = modules.get(os.path.abspath(code.co_filename))
    if module is None:
        return None
    if code.co_name == "<module>":
        return module
    if code.co_name == "<lambda>":
        return lambdas[os.path.abspath(code.co_filename)].get(code.co_firstlineno)
    if code.co_name.startswith("<"):
        return None  # comprehensions run as part of their function
    return module + "." + code.co_qualname.replace(".<locals>", "")


def caller(frame):
    while frame is not None:
        found = name(frame.f_code)
        if found is not None:
            return found
        frame = frame.f_back
    return None


edges = {}


def profile(frame, event, arg):
    if event == "call":
        callee = name(frame.f_code)
        if callee is None:
            return
        source = caller(frame.f_back)
        edges.setdefault(callee, set())
        if source is not None:
            edges.setdefault(source, set()).add(callee)


sys.path.insert(0, case)
sys.setprofile(profile)
try:
    with contextlib.redirect_stdout(sys.stderr):
        runpy.run_path(os.path.join(case, "main.py"), run_name="main")
finally:
    sys.setprofile(None)
expected = {}
for path, module in modules.items():
    for node, called in syntax_nodes(path, module, lambdas[path]).items():
        expected.setdefault(node, set()).update(called)
for caller_name, callees in edges.items():
    if caller_name in expected:
        # Importing a module runs its body, but an import is not a call.
        expected[caller_name].update(c for c in callees if c in expected and c not in modules.values())
print(json.dumps({k: sorted(v) for k, v in sorted(expected.items())}, indent=2))
