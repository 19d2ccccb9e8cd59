import PythonSyntax
import XCTest

@testable import Analysis
@testable import Decisions

/// Generated from the rules' own examples (Decisions/Preconditions.swift): each triggering example
/// must fail with the rule's code, each non-triggering example must not.
final class PreconditionExampleTests: XCTestCase {
    private func verdict(of source: String) throws -> Verdict {
        DecisionMaker.decide(try ProjectFixture.factsOfF(in: source))
    }

    func testEveryRuleTriggersOnItsExamplesAndOnlyThere() throws {
        for rule in EagerPreconditions.rules {
            for example in rule.triggering {
                let verdict = try verdict(of: example)
                XCTAssertTrue(verdict.failures.contains { $0.code == rule.code },
                              "\(rule.code) \(rule.name) should trigger on:\n\(example)\ngot \(verdict.failures.map(\.code)) \(verdict.reasons)")
            }
            for example in rule.nonTriggering {
                let verdict = try verdict(of: example)
                XCTAssertFalse(verdict.failures.contains { $0.code == rule.code },
                               "\(rule.code) \(rule.name) should not trigger on:\n\(example)\nreasons: \(verdict.reasons)")
            }
        }
    }

    func testTheConstructorRuleTriggersOnItsExamplesAndOnlyThere() throws {
        let rule = ConstructorRule.rule
        func verdict(of source: String) throws -> Verdict {
            let facts = FactsAnalyzer(project: try ProjectFixture(["example.py": source]).project).analyze()
            return DecisionMaker.decide(try XCTUnwrap(facts.first { $0.qualname.hasSuffix("__init__") }, source))
        }
        for example in rule.triggering {
            XCTAssertEqual(try verdict(of: example).failures.map(\.code), [rule.code], example)
        }
        for example in rule.nonTriggering {
            XCTAssertFalse(try verdict(of: example).failures.contains { $0.code == rule.code }, example)
        }
        XCTAssertFalse(rule.triggering.isEmpty || rule.nonTriggering.isEmpty)
    }

    func testTheAbstractRuleTriggersOnItsExamplesAndOnlyThere() throws {
        let rule = AbstractRule.rule
        func verdict(of source: String) throws -> Verdict {
            let facts = FactsAnalyzer(project: try ProjectFixture(["example.py": source]).project).analyze()
            return DecisionMaker.decide(try XCTUnwrap(facts.first { $0.qualname == "Base.f" }, source))
        }
        for example in rule.triggering {
            let found = try verdict(of: example)
            XCTAssertEqual(found.failures.map(\.code), [rule.code], example)
            XCTAssertNil(found.passingPrecondition, "never a removal or an addition: \(example)")
            XCTAssertEqual(found.failures.first?.severity, found.facts.hybrid == nil ? .error : .info, example)
        }
        for example in rule.nonTriggering {
            XCTAssertFalse(try verdict(of: example).failures.contains { $0.code == rule.code }, example)
        }
        XCTAssertFalse(rule.triggering.isEmpty || rule.nonTriggering.isEmpty)
    }

    func testEveryRuleHasExamplesBothWays() {
        XCTAssertEqual(EagerPreconditions.rules.filter { $0.triggering.isEmpty || $0.nonTriggering.isEmpty }.map(\.code), [])
    }

    func testAPassingFunctionGetsP1AndItsReasons() throws {
        let verdict = try verdict(of: "import tensorflow as tf\ndef f(x):\n    return tf.square(x) + 1.0\nf(tf.ones([2]))\n")
        XCTAssertEqual(verdict.passingPrecondition, "P1", "\(verdict.failures) \(verdict.reasons)")
        XCTAssertEqual(verdict.transformations, [.convertToHybrid])
        XCTAssertTrue(verdict.refactorable)
        XCTAssertTrue(verdict.reasons.first?.contains("`x` is a Tensor") == true, "\(verdict.reasons)")
    }

    func testHybridFunctionsAreOptimizedOrWarned() throws {
        let noTensors = try verdict(of: "import tensorflow as tf\n@tf.function\ndef f(n):\n    return tf.range(n)\nf(3)\n")
        XCTAssertEqual(noTensors.passingPrecondition, "P2", "no tensor goes in: \(noTensors.reasons)")
        XCTAssertEqual(noTensors.transformations, [.convertToEager])
        let retracing = try verdict(of: "import tensorflow as tf\n@tf.function\ndef f(x, k):\n    return x * k\nf(tf.ones([2]), 3.0)\n")
        XCTAssertEqual(retracing.passingPrecondition, "P3", "k is a Python float: \(retracing.reasons)")
        let noOps = try verdict(of: "import tensorflow as tf\n@tf.function\ndef f(x):\n    return [x, x]\nf(tf.ones([2]))\n")
        XCTAssertEqual(noOps.passingPrecondition, "P6", "\(noOps.reasons)")
        let sideEffect = try verdict(of: "import tensorflow as tf\n@tf.function\ndef f(x):\n    print(x)\n    return x\nf(tf.ones([2]))\n")
        XCTAssertEqual(sideEffect.failures.map(\.code), [4])
        XCTAssertEqual(sideEffect.failures.first?.severity, .warning)
        let optimal = try verdict(of: "import tensorflow as tf\n@tf.function\ndef f(x):\n    return x * 2\nf(tf.ones([2]))\n")
        XCTAssertEqual(optimal.failures.map(\.code), [13])
        XCTAssertFalse(optimal.refactorable)
    }

    func testSpeculationAssumesTensorsForTrainingSteps() throws {
        let project = try ProjectFixture(["example.py": """
            import tensorflow as tf
            def train_step(model, batch):
                return tf.reduce_mean(batch)
            """]).project
        let step = try XCTUnwrap(FactsAnalyzer(project: project).analyze().first { $0.qualname == "train_step" })
        XCTAssertEqual(step[.tensorParameter], .yes)
        XCTAssertEqual(step.facts[.tensorParameter]?.evidence, .speculative)
        XCTAssertEqual(step.assumptions.first?.detail, "train_step")
        let cautious = try XCTUnwrap(FactsAnalyzer(project: project, speculation: false).analyze().first { $0.qualname == "train_step" })
        XCTAssertEqual(cautious[.tensorParameter], .unknown)
    }

    func testBoolLiteralsCountOnlyWhenAsked() throws {
        let project = try ProjectFixture(["example.py": """
            import tensorflow as tf
            def forward(x, training):
                return tf.nn.dropout(x, 0.5) if training else x
            forward(tf.ones([4]), True)
            forward(tf.ones([4]), False)
            """]).project
        let byDefault = try XCTUnwrap(FactsAnalyzer(project: project).analyze().first { $0.qualname == "forward" })
        XCTAssertEqual(byDefault[.primitiveParameter], .no, "SPEC §2: bool excluded by default")
        let counting = try XCTUnwrap(FactsAnalyzer(project: project, countingBools: true).analyze().first { $0.qualname == "forward" })
        XCTAssertEqual(counting[.primitiveParameter], .yes)
        XCTAssertTrue(counting.facts[.primitiveParameter]?.reasons.first?.contains("`training` receives Python bool") == true)
    }
}
