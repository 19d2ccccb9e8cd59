import XCTest

@testable import Analysis

/// The call graph over a small project that uses each way Python code calls code.
final class CallGraphTests: XCTestCase {
    private func graph(_ files: [String: String]) throws -> (index: ProjectIndex, calls: [String: Set<String>]) {
        let index = ProjectIndex(project: try ProjectFixture(files).project)
        let graph = CallGraph(index: index)
        var calls: [String: Set<String>] = [:]
        for edge in graph.edges {
            let callee: String
            switch edge.callee {
            case .project(let id): callee = index.functions[id].qualifiedName
            case .external(let name): callee = name
            case .builtin(let name): callee = "<builtin>." + name
            }
            calls[index.functions[edge.caller].qualifiedName, default: []].insert(callee)
        }
        return (index, calls)
    }

    func testFunctionsMethodsConstructorsAndValues() throws {
        let (index, calls) = try graph([
            "app/__init__.py": "",
            "app/util.py": """
                import tensorflow as tf

                HISTORY = []

                def scale(x, factor):
                    HISTORY.append(factor)
                    return tf.multiply(x, factor)

                def normalize(x, y):
                    return scale(x, 2.0), y
                """,
            "app/model.py": """
                from . import util
                from .util import scale as rescale

                class Base:
                    def __init__(self, size):
                        self.size = size

                    def forward(self, x):
                        return rescale(x, self.size)

                class Net(Base):
                    def __init__(self, size):
                        super().__init__(size)

                    def call(self, x):
                        return self.forward(x) + util.scale(x, 1.0)

                def build(dataset):
                    net = Net(3)
                    mapped = dataset.map(util.normalize)
                    handler = lambda t: net.call(t)

                    def inner(t):
                        return helper(t)

                    def helper(t):
                        return inner(t) if t else print(t)

                    return net.call(inner(mapped)), handler

                print(build(None))
                """,
        ])
        XCTAssertEqual(calls["app.util.scale"], ["tensorflow.multiply"], "HISTORY.append is not an external function")
        XCTAssertEqual(calls["app.util.normalize"], ["app.util.scale"])
        XCTAssertEqual(calls["app.model.Base.forward"], ["app.util.scale"], "through a renamed relative import")
        XCTAssertEqual(calls["app.model.Net.__init__"], ["<builtin>.super", "app.model.Base.__init__"], "super().__init__")
        XCTAssertEqual(calls["app.model.Net.call"], ["app.model.Base.forward", "app.util.scale"], "self.forward via the base")
        XCTAssertEqual(calls["app.model.build"], [
            "app.model.Net.__init__",  // the constructor
            "app.util.normalize",  // passed to Dataset.map, which calls it
            "app.model.Net.call",  // a method of a local made by a constructor
            "app.model.build.<locals>.inner",
        ])
        XCTAssertEqual(calls["app.model.build.<locals>.inner"], ["app.model.build.<locals>.helper"])
        XCTAssertEqual(calls["app.model.build.<locals>.helper"], ["app.model.build.<locals>.inner", "<builtin>.print"],
                       "mutual recursion between nested functions")
        XCTAssertEqual(calls["app.model.build.<locals>.<lambda>"], ["app.model.Net.call"], "net, a closure variable made by Net(3)")
        XCTAssertEqual(calls["app.model"], ["app.model.build", "<builtin>.print"], "a module's top level is a caller too")
        XCTAssertTrue(index.functions.contains { $0.qualname == "build.<locals>.<lambda>" && $0.kind == .lambda })
    }

    func testCallsThroughValuesAndUnresolvedCallees() throws {
        let (index, calls) = try graph([
            "ops.py": """
                import pickle
                import functools

                def relu(x): return x
                def gelu(x): return x

                BLOCKS = {"relu": relu, "gelu": gelu}
                STAGES = [relu, gelu]

                def register(fn):
                    return fn

                @register
                def block(x): return x

                class Scaler:
                    def __call__(self, x): return x

                def make():
                    def inner(x): return x
                    return inner

                def by_name(name, x): return BLOCKS[name](x)
                def by_get(name, x): return BLOCKS.get(name)(x)
                def in_loop(x):
                    for stage in STAGES:
                        x = stage(x)
                    return x
                def through(fn, obj, x): return fn(obj(x))
                def factory(x): return make()(x)
                bound = functools.partial(gelu)
                def partial_call(x): return bound(x)
                def unknown(hook, x): return hook(x) + globals()["relu"](x)

                through(relu, Scaler(), 1)
                unknown(pickle.load(open("f")), 1)
                """,
        ])
        XCTAssertEqual(calls["ops.by_name"], ["ops.relu", "ops.gelu"], "every entry of the dict")
        XCTAssertEqual(calls["ops.by_get"], ["ops.relu", "ops.gelu"])
        XCTAssertEqual(calls["ops.in_loop"], ["ops.relu", "ops.gelu"], "every element of the list")
        XCTAssertEqual(calls["ops.through"], ["ops.relu", "ops.Scaler.__call__"], "a function and an instance passed in")
        XCTAssertEqual(calls["ops.factory"], ["ops.make", "ops.make.<locals>.inner"], "the closure a factory returns")
        XCTAssertEqual(calls["ops.partial_call"], ["ops.gelu"])
        XCTAssertTrue(calls["ops"]?.contains("ops.register") == true, "a decorator is called where the def is")
        let graph = CallGraph(index: index)
        let unknown = try XCTUnwrap(index.functions.first { $0.qualname == "unknown" })
        XCTAssertEqual(graph.unresolved[unknown.id]?.map(\.callee), ["hook", "globals()[...]"])
        XCTAssertNil(graph.unresolved[try XCTUnwrap(index.functions.first { $0.qualname == "through" }).id])
    }

    func testFunctionsPassedAsArgumentsAreCalledWhereTheyAreCalled() throws {
        let (_, calls) = try graph([
            "app.py": """
                import tensorflow as tf

                def log(x):
                    print(x)
                    return x

                def apply(fn, x):
                    return fn(x)

                def apply_later(fn, dataset):
                    return dataset.map(fn)

                def run(dataset):
                    apply(log, 1)
                    apply(lambda x: log(x), 2)
                    apply_later(log, dataset)
                    return sorted([3, 1], key=log)
                """,
        ])
        XCTAssertEqual(calls["app.run"], ["app.apply", "app.apply_later", "<builtin>.sorted", "app.log"],
                       "no edge for what a project function is handed; sorted calls its key here")
        XCTAssertEqual(calls["app.apply"], ["app.log", "app.run.<locals>.<lambda>"], "the call of the parameter")
        XCTAssertEqual(calls["app.apply_later"], ["app.log"], "a parameter handed to the library is called by it")
    }

    func testEffectsOfAFunctionPassedInReachTheCalleeAndItsCallers() throws {
        let facts = FactsAnalyzer(project: try ProjectFixture([
            "example.py": """
                def shout(x):
                    print(x)
                    return x

                def apply(fn, x):
                    return fn(x)

                def f(x):
                    return apply(lambda y: shout(y), x)
                """,
        ]).project).analyze()
        for name in ["apply", "f"] {
            let function = try XCTUnwrap(facts.first { $0.qualname == name })
            XCTAssertEqual(function[.sideEffects], .yes, "\(name) runs the print through the lambda")
        }
    }

    func testSelfCallsReachOverridesAlongTheMRO() throws {
        let (_, calls) = try graph([
            "nets.py": """
                class Base:
                    def train_step(self, x):
                        return self.compute_loss(x)

                    def compute_loss(self, x):
                        return x

                class Left(Base):
                    def compute_loss(self, x):
                        return super().compute_loss(x)

                class Right(Base):
                    def compute_loss(self, x):
                        return x

                class Both(Left, Right):
                    pass
                """,
        ])
        XCTAssertEqual(calls["nets.Base.train_step"], ["nets.Base.compute_loss", "nets.Left.compute_loss", "nets.Right.compute_loss"],
                       "the base's own method and each subclass's, as its MRO finds it")
        XCTAssertEqual(calls["nets.Left.compute_loss"], ["<builtin>.super", "nets.Base.compute_loss", "nets.Right.compute_loss"],
                       "super() in Left continues with Right for a Both (C3), with Base for a Left")
        let overrides = try graph(["nets.py": """
            class Layer:
                def __call__(self, x):
                    return self.call(x)

                def call(self, x):
                    return x

            class Block(Layer):
                def __init__(self):
                    self.inner = Layer()

                def call(self, x):
                    return self.inner(x)
            """]).index
        let callGraph = CallGraph(index: overrides)
        let flagged = callGraph.edges.filter(\.throughOverride).map {
            overrides.functions[$0.caller].qualname + " -> " + ($0.callee == .project(overrides.functions.first { $0.qualname == "Block.call" }!.id) ? "Block.call" : "?")
        }
        XCTAssertEqual(flagged, ["Layer.__call__ -> Block.call"], "the override, not Layer.call, is marked")
        let recursion = Recursion(graph: callGraph, functionCount: overrides.functions.count)
        XCTAssertFalse(overrides.functions.contains { recursion.isRecursive($0.id) },
                       "a layer calling another layer's __call__ is nesting, not recursion")
    }

    func testDecoratorsApplyBottomUp() throws {
        let (_, calls) = try graph([
            "deco.py": """
                def outer(fn):
                    def outer_wrapper(*args):
                        return fn(*args)
                    return outer_wrapper

                def inner(fn):
                    def inner_wrapper(*args):
                        return fn(*args)
                    return inner_wrapper

                @outer
                @inner
                def step(x):
                    return x

                def run(hook=step):
                    return step(1) + hook(2)
                """,
        ])
        XCTAssertEqual(calls["deco.run"], ["deco.outer.<locals>.outer_wrapper"], "the name holds the outermost wrapper")
        XCTAssertEqual(calls["deco.outer.<locals>.outer_wrapper"], ["deco.inner.<locals>.inner_wrapper"])
        XCTAssertEqual(calls["deco.inner.<locals>.inner_wrapper"], ["deco.step"])
    }
}
