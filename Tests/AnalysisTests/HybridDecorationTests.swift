import PythonSyntax
import XCTest

@testable import Analysis

/// SPEC §1: every spelling of tf.function makes a function hybrid; look-alikes do not.
final class HybridDecorationTests: XCTestCase {
    func testEverySpellingOfTfFunction() throws {
        let project = try ProjectFixture([
            "spellings.py": """
                import tensorflow as tf
                import tensorflow
                import tensorflow as tfx
                import tensorflow.compat.v2 as tf2
                from tensorflow import function
                from tensorflow import function as compile_graph

                @tf.function
                def plain(x): return x

                @tensorflow.function
                def full(x): return x

                @tfx.function
                def aliased(x): return x

                @tf2.function
                def compat(x): return x

                @function
                def imported(x): return x

                @compile_graph
                def renamed(x): return x

                @tf.function(jit_compile=True, experimental_relax_shapes=True)
                def called(x): return x

                @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)], autograph=False)
                def signed(x): return x

                class Model:
                    @staticmethod
                    @tf.function(reduce_retracing=True)
                    def step(x): return x
                """,
            "star.py": """
                from tensorflow import *

                @function
                def starred(x): return x
                """,
        ])
        for name in ["plain", "full", "aliased", "compat", "imported", "renamed"] {
            XCTAssertEqual(project.hybrid(name, in: "spellings.py")?.arguments, [], name)
        }
        XCTAssertEqual(project.hybrid("called", in: "spellings.py")?.arguments, [.jitCompile, .reduceRetracing])
        XCTAssertEqual(project.hybrid("signed", in: "spellings.py")?.arguments, [.inputSignature, .autograph])
        XCTAssertEqual(project.hybrid("Model.step", in: "spellings.py")?.arguments, [.reduceRetracing])
        XCTAssertNotNil(project.hybrid("starred", in: "star.py"))
        guard case .decorator(let range)? = project.hybrid("called", in: "spellings.py")?.form else { return XCTFail() }
        XCTAssertEqual(range.line, 26, "the decorator's own range, what an edit replaces")
    }

    func testLookAlikesAreNotHybrid() throws {
        let project = try ProjectFixture([
            "lookalikes.py": """
                import functools
                import tensorflow as tf
                from tensorflow import function

                def function(f):  # rebinds the name after the import
                    return f

                @function
                def shadowed(x): return x

                @functools.lru_cache
                def cached(x): return x

                @tf.custom_gradient
                def gradient(x): return x

                def undecorated(x): return x
                """,
            "other.py": """
                import mylib as tf

                @tf.function
                def not_tensorflow(x): return x
                """,
        ])
        for name in ["shadowed", "cached", "gradient", "undecorated"] {
            XCTAssertNil(project.hybrid(name, in: "lookalikes.py"), name)
        }
        XCTAssertNil(project.hybrid("not_tensorflow", in: "other.py"))
    }

    func testReexportsAndRelativeImportsAcrossModules() throws {
        let project = try ProjectFixture([
            "pkg/__init__.py": "",
            "pkg/compat.py": """
                try:
                    import tensorflow as tf
                except ImportError:
                    tf = None
                graph = tf.function
                """,
            "pkg/models/__init__.py": "from ..compat import tf\n",
            "pkg/models/net.py": """
                from .. import compat
                from ..compat import tf as backend
                from . import tf as again

                @compat.tf.function
                def through_module(x): return x

                @backend.function
                def through_alias(x): return x

                @again.function
                def through_package(x): return x

                @compat.graph
                def through_assigned_alias(x): return x
                """,
        ])
        for name in ["through_module", "through_alias", "through_package", "through_assigned_alias"] {
            XCTAssertNotNil(project.hybrid(name, in: "pkg/models/net.py"), name)
        }
        XCTAssertEqual(ModuleName(relativePath: "pkg/models/__init__.py").resolveRelative("compat", level: 2), "pkg.compat")
        XCTAssertEqual(ModuleName(relativePath: "pkg/models/net.py").resolveRelative(nil, level: 1), "pkg.models")
        XCTAssertNil(ModuleName(relativePath: "top.py").resolveRelative("x", level: 3))
    }

    func testModuleLevelWrappersAreReportedNotEdited() throws {
        let project = try ProjectFixture([
            "wrap.py": """
                import tensorflow as tf

                def step(x):
                    return x * 2

                fast_step = tf.function(step, jit_compile=True)
                """,
        ])
        let module = try XCTUnwrap(project.modules["wrap.py"])
        let wrappers = HybridDecoration.wrappers(in: module.module, name: module.name, resolver: project.resolver)
        XCTAssertEqual(wrappers["step"], HybridDecoration(form: .wrapper(name: "fast_step", line: 6), arguments: [.jitCompile]))
        XCTAssertNil(project.hybrid("step", in: "wrap.py"), "the def itself stays eager")
    }
}
