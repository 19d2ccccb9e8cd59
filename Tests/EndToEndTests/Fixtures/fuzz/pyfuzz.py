#!/usr/bin/env python3
"""Fuzzes hybridize's static commands: generated Python programs and mutated real files.

    pyfuzz.py --binary .build/debug/hybridize --seed 1 --programs 1000 --mutants 400

Programs come from a small grammar of Python 3.11 with TensorFlow idioms (decorators, Keras
layers, tf.* calls, classes that inherit from each other, imports between the modules), every
one drawn from `random.Random(seed)`, so a seed names a program set exactly. Mutants are the
repository's own Python files truncated, with bytes inserted, lines shuffled or dropped. Each
batch is one project folder that `analyze`, `callgraph` and `refactor` (dry run) read in one
process each, under a timeout: a crash (a signal), a hang, an exit status other than 0, output
that is not JSON or a diagnostic that is not one `file:line:col: reason` line fails the run. With
--apply, so does `refactor --apply` (on a copy) when an edited file no longer parses. A failing batch is
bisected to the files that still fail, which are copied under --keep (for a regression fixture).

Prints the figures on stdout; exits 1 when anything failed.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

NAMES = ["x", "y", "z", "batch", "model", "loss", "step", "data", "self", "tf", "np", "i", "acc", "layer"]
FUNCTIONS = ["f", "g", "h", "train_step", "compute", "call", "build", "helper", "loss_fn", "make"]
CLASSES = ["Model", "Layer", "Block", "Trainer", "Base", "Mixin"]
TF_CALLS = ["tf.reduce_sum", "tf.matmul", "tf.add", "tf.constant", "tf.Variable", "tf.zeros", "tf.cast",
            "tf.print", "tf.random.normal", "tf.data.Dataset.from_tensor_slices", "tf.keras.layers.Dense",
            "np.array", "np.sum", "print", "len", "range", "getattr", "isinstance", "super", "iter", "next",
            "tf.function", "tf.py_function", "tf.numpy_function", "open", "globals", "eval"]
BINARY = ["+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"]
COMPARE = ["<", ">", "==", "!=", "<=", ">=", "is", "is not", "in", "not in"]


class Generator:
    def __init__(self, rng, module_names):
        self.rng = rng
        self.modules = module_names
        self.depth = 0

    def choice(self, items):
        return self.rng.choice(items)

    def name(self):
        return self.choice(NAMES + FUNCTIONS + CLASSES)

    # Expressions

    def operand(self, depth):
        """An expression that can stand beside an operator: compound ones are parenthesized, as
        `a + lambda: b` or `44.shape` would not parse."""
        text = self.expression(depth)
        return text if re.fullmatch(r"[A-Za-z_][A-Za-z_0-9.]*", text) else f"({text})"

    def expression(self, depth=0):
        # Mostly shallow: the size of a program grows with the branching at each level.
        if depth > 4 or self.rng.random() < 0.3 + 0.15 * depth:
            return self.atom()
        kind = self.rng.randrange(16 if self.rng.random() < 0.9 else 17)
        d = depth + 1
        if kind == 0:
            return f"{self.operand(d)} {self.choice(BINARY)} {self.operand(d)}"
        if kind == 1:
            return f"{self.choice(TF_CALLS)}({self.arguments(d)})"
        if kind == 2:
            return f"{self.operand(d)}.{self.choice(NAMES + FUNCTIONS + ['numpy', 'shape', 'dtype', 'map', 'batch'])}"
        if kind == 3:
            return f"{self.choice(FUNCTIONS + CLASSES)}({self.arguments(d)})"
        if kind == 4:
            return f"{self.operand(d)}[{self.subscript(d)}]"
        if kind == 5:
            return f"[{', '.join(self.operand(d) for _ in range(self.rng.randrange(4)))}]"
        if kind == 6:
            return f"({self.operand(d)}, {self.operand(d)})"
        if kind == 7:
            return "{" + ", ".join(f"{self.atom()}: {self.operand(d)}" for _ in range(self.rng.randrange(3))) + "}"
        if kind == 8:
            return f"lambda {self.parameters(lambda_=True)}: {self.operand(d)}"
        if kind == 9:
            comprehension = self.choice(["[{} for {} in {}{}]", "({} for {} in {}{})", "{{{} for {} in {}{}}}"])
            condition = f" if {self.operand(d)}" if self.rng.random() < 0.3 else ""
            return comprehension.format(self.operand(d), self.choice(NAMES[:8]), self.operand(d), condition)
        if kind == 10:
            return f"{self.operand(d)} if {self.operand(d)} else {self.operand(d)}"
        if kind == 11:
            return f"{self.operand(d)} {self.choice(COMPARE)} {self.operand(d)}"
        if kind == 12:
            return f"{self.choice(['not ', '-', '+', '~'])}{self.operand(d)}"
        if kind == 13:
            return f"({self.choice(NAMES[:8])} := {self.operand(d)})"
        if kind == 14:
            return "f'" + "".join(self.choice(["a", "{" + self.name() + "}", "{" + self.name() + "!r}", "{" + self.name() + ":>3}"]) for _ in range(3)) + "'"
        if kind == 15:
            return f"{self.operand(d)} {self.choice(['and', 'or'])} {self.operand(d)}"
        return self.deep()

    def deep(self):
        # Long chains, rarely: they stay under Python's limits but reach the analysis's.
        n = self.rng.choice([5, 20, 60, 200])
        shape = self.rng.randrange(6)
        base = self.atom()
        base = base if re.fullmatch(r"[A-Za-z_][A-Za-z_0-9.]*", base) else f"({base})"
        if shape == 0:
            return " + ".join([base] * n)
        if shape == 1:
            return base + "".join(f".{self.choice(NAMES)}" for _ in range(n))
        if shape == 2:
            return base + "()" * n
        if shape == 3:
            return "-" * n + base
        if shape == 4:
            return base + "".join(f".{self.choice(['map', 'batch', 'numpy', 'shape'])}({self.atom()})" for _ in range(n))
        return "lambda: " * min(n, 60) + base

    def atom(self):
        r = self.rng.randrange(9)
        if r < 4:
            return self.name()
        if r == 4:
            return str(self.rng.randrange(-3, 100))
        if r == 5:
            return self.choice(["None", "True", "False", "...", "1.5", "1e9", "2j", "b'x'", "'s'", "\"\"\"doc\"\"\""])
        if r == 6:
            return self.choice(["tf.float32", "tf.int32", "tf.keras", "tf.TensorSpec(None)", "np.pi"])
        if r == 7:
            return f"self.{self.choice(NAMES + FUNCTIONS)}"
        return self.choice(NAMES)

    def arguments(self, depth):
        parts = [self.expression(depth) for _ in range(self.rng.randrange(4))]
        if self.rng.random() < 0.3:
            parts.append(f"{self.choice(['training', 'name', 'dtype', 'units', 'input_signature', 'reduce_retracing', 'jit_compile'])}={self.expression(depth)}")
        if self.rng.random() < 0.1:
            parts.append(f"*{self.choice(NAMES)}")
        if self.rng.random() < 0.1:
            parts.append(f"**{self.choice(NAMES)}")
        return ", ".join(parts)

    def subscript(self, depth):
        r = self.rng.randrange(4)
        if r == 0:
            return f"{self.atom()}:{self.atom()}"
        if r == 1:
            return f":, {self.atom()}"
        if r == 2:
            return "..., 0"
        return self.expression(depth)

    def parameters(self, lambda_=False):
        names = self.rng.sample(["x", "y", "z", "batch", "training", "step", "n"], self.rng.randrange(4))
        parts = []
        if not lambda_ and self.rng.random() < 0.5:
            parts.append("self")
        for position, name in enumerate(names):
            if self.rng.random() < 0.3:
                parts.append(f"{name}={self.atom()}")
            elif self.rng.random() < 0.15 and not lambda_:
                default = " = None" if any("=" in p for p in parts) else ""
                parts.append(f"{name}: {self.choice(['tf.Tensor', 'int', 'float', 'list[int]'])}{default}")
            else:
                if any("=" in p for p in parts):
                    parts.append(f"{name}=None")
                else:
                    parts.append(name)
        if self.rng.random() < 0.15:
            parts.append("*args")
        if self.rng.random() < 0.15:
            parts.append("**kwargs")
        return ", ".join(parts)

    # Statements

    def block(self, indent, count=None):
        count = count if count is not None else self.rng.randrange(1, 4)
        lines = []
        for _ in range(count):
            lines.extend(self.statement(indent))
        return lines

    def statement(self, indent):
        pad = "    " * indent
        self.depth += 1
        try:
            nested = indent < 5 and self.depth < 7
            r = self.rng.randrange(24 if nested else 9)
            if r == 0:
                return [f"{pad}{self.choice(NAMES)} = {self.expression()}"]
            if r == 1:
                return [f"{pad}return {self.expression()}"]
            if r == 2:
                return [f"{pad}{self.expression()}"]
            if r == 3:
                return [f"{pad}{self.operand(0)}.{self.choice(['assign', 'assign_add', 'append'])}({self.expression()})"]
            if r == 4:
                return [f"{pad}{self.choice(NAMES)} {self.choice(['+=', '-=', '*=', '@='])} {self.expression()}"]
            if r == 5:
                return [f"{pad}{self.choice(['global', 'nonlocal'])} {self.choice(NAMES[:8])}"] + [f"{pad}pass"]
            if r == 6:
                return [f"{pad}self.{self.choice(NAMES)} = {self.expression()}"]
            if r == 7:
                return [f"{pad}{self.choice(['pass', 'break', 'continue', 'raise', 'yield ' + self.atom(), 'del ' + self.choice(NAMES)])}"]
            if r == 8:
                return [f"{pad}{self.choice(NAMES)}, *{self.choice(NAMES)} = {self.expression()}"]
            if r in (9, 10, 11):
                return self.function(indent)
            if r == 12:
                return self.class_(indent)
            if r == 13:
                return [f"{pad}if {self.expression()}:"] + self.block(indent + 1) + (
                    [f"{pad}else:"] + self.block(indent + 1) if self.rng.random() < 0.5 else [])
            if r == 14:
                return [f"{pad}for {self.choice(NAMES[:8])} in {self.expression()}:"] + self.block(indent + 1)
            if r == 15:
                return [f"{pad}while {self.expression()}:"] + self.block(indent + 1)
            if r == 16:
                return [f"{pad}try:"] + self.block(indent + 1) + [f"{pad}except {self.choice(['Exception', 'ValueError as e', '(TypeError, KeyError)', ''])}:"] + self.block(indent + 1) + (
                    [f"{pad}finally:"] + self.block(indent + 1) if self.rng.random() < 0.3 else [])
            if r == 17:
                return [f"{pad}with {self.expression()} as {self.choice(NAMES[:8])}:"] + self.block(indent + 1)
            if r == 18:
                return [f"{pad}match {self.expression()}:", f"{pad}    case [{self.choice(NAMES[:8])}, *rest]:"] + self.block(indent + 2) + [
                    f"{pad}    case {{'k': v}} | Model(a=v):"] + self.block(indent + 2) + [f"{pad}    case _:"] + self.block(indent + 2)
            if r == 19:
                return self.imports(indent)
            if r == 20:
                return [f"{pad}async def {self.choice(FUNCTIONS)}({self.parameters()}):"] + self.block(indent + 1) + [f"{pad}    await {self.operand(0)}"]
            if r == 21:
                return [f"{pad}assert {self.expression()}, {self.atom()}"]
            if r == 22:
                return [f"{pad}{self.choice(FUNCTIONS)} = {self.choice(['tf.function', 'tf.function(jit_compile=True)', 'staticmethod', 'property'])}({self.choice(FUNCTIONS)})"]
            return [f"{pad}for {self.choice(NAMES[:8])} in range({self.atom()}):"] + self.block(indent + 1) + [f"{pad}else:", f"{pad}    pass"]
        finally:
            self.depth -= 1

    def decorators(self, indent):
        pad = "    " * indent
        options = ["@tf.function", "@tf.function(reduce_retracing=True)", "@tf.function(input_signature=[tf.TensorSpec(None)])",
                   "@tf.function(jit_compile=True)", "@staticmethod", "@classmethod", "@property", "@functools.wraps(f)",
                   f"@{self.choice(FUNCTIONS)}", "@tf.autograph.experimental.do_not_convert", "@pytest.fixture"]
        return [pad + self.choice(options) for _ in range(self.rng.choice([0, 0, 0, 1, 1, 2]))]

    def function(self, indent):
        pad = "    " * indent
        name = self.choice(FUNCTIONS)
        lines = self.decorators(indent) + [f"{pad}def {name}({self.parameters()}):"]
        if self.rng.random() < 0.2:
            lines.append(f'{pad}    """{self.choice(["Trains.", "Hybrid.", "Side effects."])}"""')
        return lines + self.block(indent + 1)

    def class_(self, indent):
        pad = "    " * indent
        bases = ", ".join(self.rng.sample(CLASSES + ["tf.keras.Model", "tf.keras.layers.Layer", "tf.Module", "object"], self.rng.randrange(3)))
        if self.rng.random() < 0.1:
            bases += (", " if bases else "") + "metaclass=type"
        lines = self.decorators(indent) + [f"{pad}class {self.choice(CLASSES)}({bases}):"]
        for _ in range(self.rng.randrange(1, 4)):
            lines += self.function(indent + 1) if self.rng.random() < 0.8 else self.statement(indent + 1)
        return lines

    def imports(self, indent):
        pad = "    " * indent
        module = self.choice(self.modules)
        return [pad + self.choice([
            "import tensorflow as tf", "import numpy as np", f"from . import {module}", f"from .{module} import {self.choice(FUNCTIONS + CLASSES)}",
            f"import {module}", f"from {module} import *", "from tensorflow import keras", "import functools, pytest",
            f"from .{module} import {self.choice(FUNCTIONS)} as {self.choice(FUNCTIONS)}", "import importlib"])]

    def program(self):
        lines = ["import tensorflow as tf", "import numpy as np"]
        for _ in range(self.rng.randrange(2, 6)):
            lines += self.statement(0)
        return "\n".join(lines) + "\n"


def generate(seed, count, folder):
    """`count` programs as modules of one package in `folder`; returns how many compile."""
    rng = random.Random(seed)
    names = [f"m{seed}_{k}" for k in range(count)]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "__init__.py"), "w") as init:
        init.write("")
    valid = 0
    for name in names:
        text = Generator(rng, names).program()
        try:
            compile(text, name, "exec", 0x400)
            valid += 1
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        with open(os.path.join(folder, name + ".py"), "w") as file:
            file.write(text)
    return valid


MUTATIONS = ["truncate", "insert bytes", "shuffle lines", "drop lines", "duplicate lines", "swap indentation", "delete bytes"]


def mutate(seed, sources, count, folder):
    """`count` mutants of the files in `sources`, each named after its source and mutation."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for k in range(count):
        source = rng.choice(sources)
        with open(source, "rb") as file:
            data = bytearray(file.read())
        mutation = rng.choice(MUTATIONS)
        lines = data.split(b"\n")
        if mutation == "truncate" and data:
            data = data[:rng.randrange(len(data))]
        elif mutation == "insert bytes":
            for _ in range(rng.randrange(1, 8)):
                at = rng.randrange(len(data) + 1)
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4)))
        elif mutation == "shuffle lines":
            start = rng.randrange(len(lines))
            window = lines[start:start + rng.randrange(2, 12)]
            rng.shuffle(window)
            lines[start:start + len(window)] = window
            data = b"\n".join(lines)
        elif mutation == "drop lines":
            for _ in range(rng.randrange(1, 5)):
                if lines:
                    del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
        elif mutation == "duplicate lines":
            at = rng.randrange(len(lines))
            lines[at:at] = lines[at:at + rng.randrange(1, 6)] * rng.randrange(1, 4)
            data = b"\n".join(lines)
        elif mutation == "swap indentation":
            for _ in range(rng.randrange(1, 6)):
                at = rng.randrange(len(lines))
                lines[at] = rng.choice([b"", b"    ", b"        ", b"\t"]) + lines[at].lstrip()
            data = b"\n".join(lines)
        elif mutation == "delete bytes" and data:
            for _ in range(rng.randrange(1, 10)):
                at = rng.randrange(len(data))
                del data[at:at + rng.randrange(1, 4)]
        stem = os.path.splitext(os.path.basename(source))[0]
        with open(os.path.join(folder, f"x{k}_{stem}.py"), "wb") as file:
            file.write(bytes(data))


COMMANDS = [["analyze", "--format", "json"], ["callgraph", "--format", "json"], ["refactor", "--format", "json"]]
DIAGNOSTIC = re.compile(r"^[^\n:]+:\d+:\d+: \S")


def run(binary, command, folder, timeout, json_output=True):
    """The reason `command` failed in `folder`, or None."""
    try:
        done = subprocess.run([binary] + command, cwd=folder, capture_output=True, timeout=timeout,
                              env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    except subprocess.TimeoutExpired:
        return f"hung (over {timeout} s)"
    if done.returncode < 0:
        return f"killed by signal {-done.returncode}: {done.stderr.decode(errors='replace')[-1500:]}"
    if done.returncode != 0:
        return f"exit status {done.returncode}: {done.stderr.decode(errors='replace')[-1500:]}"
    for line in done.stderr.decode(errors="replace").splitlines():
        if not DIAGNOSTIC.match(line):
            return f"a stderr line that is not a file:line:col diagnostic: {line[:300]}"
    output = done.stdout.decode(errors="replace")
    if not json_output:
        return None
    try:
        if command[0] == "callgraph":
            json.loads(output)
        else:
            for line in output.splitlines():
                if line.startswith("{"):
                    json.loads(line)
    except ValueError as error:
        return f"output that is not JSON: {error}"
    return None


def applied_edits_break(binary, folder, timeout, scratch):
    """Runs `refactor --apply` on a copy of `folder`: the reason an edited file that compiled
    before no longer does (or the command failed), or None."""
    copy = tempfile.mkdtemp(dir=scratch)
    try:
        shutil.copytree(folder, copy, dirs_exist_ok=True)
        before = {}
        for root, _, names in os.walk(copy):
            for name in names:
                if name.endswith(".py"):
                    with open(os.path.join(root, name), "rb") as file:
                        before[os.path.join(root, name)] = file.read()
        reason = run(binary, ["refactor", "--apply"], copy, timeout, json_output=False)
        if reason:
            return reason
        for path, old in before.items():
            with open(path, "rb") as file:
                new = file.read()
            if new == old:
                continue
            try:
                compile(old, path, "exec", 0x400)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return f"edited a file that did not parse: {os.path.relpath(path, copy)}"
            try:
                compile(new, path, "exec", 0x400)
            except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
                return f"an edit broke {os.path.relpath(path, copy)}: {error}"
        return None
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def failing_files(probe, project, package, scratch):
    """The smallest set of files of `package` (a folder in `project`, or the project itself),
    found by halving, that `probe` still fails on in a copy of the project holding only them."""
    files = sorted(f for f in os.listdir(package) if f.endswith(".py") and f != "__init__.py")

    def fails(subset):
        trial = tempfile.mkdtemp(dir=scratch)
        inside = os.path.join(trial, os.path.relpath(package, project))
        os.makedirs(inside, exist_ok=True)
        for name in subset + ["__init__.py"]:
            if os.path.exists(os.path.join(package, name)):
                shutil.copy(os.path.join(package, name), inside)
        try:
            return probe(trial) is not None
        finally:
            shutil.rmtree(trial, ignore_errors=True)

    while len(files) > 1:
        half = len(files) // 2
        if fails(files[:half]):
            files = files[:half]
        elif fails(files[half:]):
            files = files[half:]
        else:
            break
    return files


def check(binary, folder, timeout, keep, label, scratch, apply):
    """Runs every command on `folder`; returns the failures found, kept under `keep`."""
    failures = []
    probes = [(" ".join(command), lambda trial, command=command: run(binary, command, trial, timeout)) for command in COMMANDS]
    if apply:
        probes.append(("refactor --apply", lambda trial: applied_edits_break(binary, trial, timeout, scratch)))
    for name, probe in probes:
        reason = probe(folder)
        if reason is None:
            continue
        # The package folder holds the files; bisect there.
        package = next((os.path.join(folder, entry) for entry in os.listdir(folder)
                        if os.path.isfile(os.path.join(folder, entry, "__init__.py"))), folder)
        files = failing_files(probe, folder, package, scratch)
        failures.append((label, name, reason, files))
        if keep:
            target = os.path.join(keep, f"{label}-{name.replace(' ', '_')}")
            os.makedirs(target, exist_ok=True)
            for file_name in files:
                shutil.copy(os.path.join(package, file_name), target)
            with open(os.path.join(target, "REASON.txt"), "w") as note:
                note.write(f"hybridize {name}: {reason}\n")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--programs", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=250, help="programs (or mutants) per project folder")
    parser.add_argument("--mutants", type=int, default=400)
    parser.add_argument("--sources", nargs="*", default=[], help="folders whose .py files are mutated")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per hybridize process")
    parser.add_argument("--keep", help="where failing files are copied")
    parser.add_argument("--apply", action="store_true", help="also run refactor --apply on a copy and parse what it edited")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="hybridize processes at a time")
    arguments = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="hybridize-fuzz-")
    failures = []
    try:
        started = time.monotonic()
        valid = 0
        batches = []
        for first in range(0, arguments.programs, arguments.batch):
            count = min(arguments.batch, arguments.programs - first)
            folder = os.path.join(scratch, f"programs_{first}", f"p{arguments.seed}_{first}")
            valid += generate(arguments.seed * 1_000_003 + first, count, folder)
            batches.append((f"seed{arguments.seed}-programs{first}", folder))
        generation = time.monotonic() - started

        sources = sorted(os.path.join(root, name) for base in arguments.sources for root, _, names in os.walk(base)
                         for name in names if name.endswith(".py"))
        started = time.monotonic()
        if sources and arguments.mutants:
            for first in range(0, arguments.mutants, arguments.batch):
                count = min(arguments.batch, arguments.mutants - first)
                folder = os.path.join(scratch, f"mutants_{first}")
                mutate(arguments.seed * 7_919 + first, sources, count, folder)
                batches.append((f"seed{arguments.seed}-mutants{first}", folder))
        mutation = time.monotonic() - started

        started = time.monotonic()

        def check_batch(batch):
            label, folder = batch
            # A package's parent is the project: the modules import each other as a package.
            project = os.path.dirname(folder) if "programs" in label else folder
            return check(arguments.binary, project, arguments.timeout, arguments.keep, label, scratch, arguments.apply)

        with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
            for found in pool.map(check_batch, batches):
                failures += found
        checking = time.monotonic() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    total = arguments.programs + (arguments.mutants if sources else 0)
    print(f"programs: {arguments.programs} generated (seed {arguments.seed}), {valid} of them valid Python 3.11, "
          f"in {generation:.1f} s ({arguments.programs / max(generation, 1e-9):.0f} programs/s)")
    if sources:
        print(f"mutants: {arguments.mutants} of {len(sources)} files, made in {mutation:.1f} s")
    commands = len(COMMANDS) + (1 if arguments.apply else 0)
    print(f"hybridize: {commands} commands{' (refactor --apply too)' if arguments.apply else ''} on {len(batches)} folders "
          f"({total} files) in {checking:.1f} s, {arguments.jobs} processes at a time ({total / max(checking, 1e-9):.0f} files/s "
          f"through all {commands})")
    print(f"failures: {len(failures)}")
    for label, command, reason, files in failures:
        print(f"FAILED {label}: hybridize {command}: {reason.splitlines()[0] if reason else ''}\n  files: {files}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
