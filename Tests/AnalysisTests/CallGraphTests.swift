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
}
