import XCTest

@testable import Analysis
@testable import Decisions

/// The kinds lattice (ValueKind.joined) has a real top, so tensor inference settles, and values
/// that are tensors at some calls still count as tensors.
final class KindLatticeTests: XCTestCase {
    static let samples: [ValueKind] = [
        .unknown, .dynamic, .tensor, .variable, .ndarray, .kerasTensor, .dataset, .primitive("int"), .primitive("float"),
        .primitive("str"), .primitive("bool"), .primitive("None"), .primitive("literal"), .container(.tensor),
        .container(.primitive("int")), .instance("app.Net"), .kerasObject(projectClass: nil),
        .kerasObject(projectClass: "app.Net"), .functions([1]), .functions([2]), .classes([3]),
        .library(.external("tensorflow.nn.relu")),
        .mixed(MixedKinds(.tensor).union(MixedKinds(.primitive("int")))),
        .mixed(MixedKinds(.functions([1])).union(MixedKinds(.instance("app.Net")))),
    ]

    /// The order the join induces: a ⊑ b when a ⊔ b = b.
    private func below(_ a: ValueKind, _ b: ValueKind) -> Bool { a.joined(with: b) == b }

    func testTheJoinIsAnUpperBoundAndCommutes() {
        for a in Self.samples {
            for b in Self.samples {
                let joined = a.joined(with: b)
                XCTAssertEqual(joined, b.joined(with: a), "\(a) ⊔ \(b)")
                XCTAssertTrue(below(a, joined) || a == .dynamic, "\(a) ⊑ \(a) ⊔ \(b) = \(joined)")
                XCTAssertTrue(below(b, joined) || b == .dynamic, "\(b) ⊑ \(a) ⊔ \(b) = \(joined)")
                XCTAssertEqual(joined.joined(with: joined), joined, "idempotent on \(joined)")
            }
        }
    }

    /// Joining more can only go up: what once flipped back and forth (tensor, then unknown after
    /// an int, then tensor again) now stays at the top.
    func testRepeatedJoinsNeverComeBackDown() {
        for a in Self.samples {
            for b in Self.samples {
                for c in Self.samples {
                    let ab = a.joined(with: b)
                    XCTAssertTrue(below(ab, ab.joined(with: c)), "\(ab) ⊑ \(ab) ⊔ \(c)")
                    XCTAssertEqual(ab.joined(with: c), a.joined(with: b.joined(with: c)), "associative on \(a), \(b), \(c)")
                }
            }
        }
        let flipping = ValueKind.tensor.joined(with: .primitive("int"))
        XCTAssertTrue(flipping.mayBeTensor && flipping.mayBeRetracingLiteral)
        XCTAssertEqual(flipping.joined(with: .tensor), flipping)
    }

    func testTheInferenceSettlesWhereTheOldCapStoppedIt() throws {
        // `x` is rebound in a loop of calls: a tensor, an int, a list of itself. Under the old
        // join (conflicts fell back to unknown, which yields to anything) this flipped forever.
        let project = try ProjectFixture(["example.py": """
            import tensorflow as tf

            def step(x, k):
                y = x * k
                x = [x]
                return relay(y, k + 1)

            def relay(y, k):
                return step(y, k) if k < 3 else y

            step(tf.ones([2]), 1)
            step(3, 1)
            """]).project
        let index = ProjectIndex(project: project)
        let kinds = KindInference(index: index, hierarchy: ClassHierarchy(index: index))
        XCTAssertTrue(kinds.settled)
        XCTAssertLessThan(kinds.rounds, KindInference.maximumRounds)
        let facts = FactsAnalyzer(project: project).analyze()
        let step = try XCTUnwrap(facts.first { $0.qualname == "step" })
        XCTAssertEqual(step[.tensorParameter], .yes, "a tensor at one call: \(step.facts[.tensorParameter]?.reasons ?? [])")
        XCTAssertEqual(step[.primitiveParameter], .yes, "and an int at another, which retraces")
    }

    func testSometimesTensorsCountAsTensorComputationAndUntypedOperandsAreUndecided() throws {
        let facts = FactsAnalyzer(project: try ProjectFixture(["example.py": """
            import tensorflow as tf

            def scale(x):
                return x * 2

            def blend(a, b):
                return a + b

            @tf.function
            def passthrough(values):
                return values + values

            scale(tf.ones([2]))
            scale(None)
            """]).project).analyze()
        let scale = try XCTUnwrap(facts.first { $0.qualname == "scale" })
        XCTAssertEqual(scale[.tensorComputation], .yes, "\(scale.facts[.tensorComputation]?.reasons ?? [])")
        let blend = try XCTUnwrap(facts.first { $0.qualname == "blend" })
        XCTAssertEqual(blend[.tensorComputation], .unknown, "nothing types a or b")
        let passthrough = try XCTUnwrap(facts.first { $0.qualname == "passthrough" })
        XCTAssertEqual(passthrough[.tensorComputation], .unknown)
        XCTAssertNotEqual(DecisionMaker.decide(passthrough).passingPrecondition, "P6",
                          "an undecided computation is no reason to remove tf.function")
    }
}
