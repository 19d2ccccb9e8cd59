import XCTest

@testable import Analysis
import TraceStore

/// Generated from the side-effect rules' own examples (Analysis/SideEffects.swift): each
/// triggering example's `f` must have an effect of the rule's kind, and side effects; each
/// non-triggering example's `f` must have none of that kind.
final class SideEffectExampleTests: XCTestCase {
    private func facts(of source: String) throws -> FunctionFacts {
        try ProjectFixture.factsOfF(in: source)
    }

    func testEveryKindIsFoundInItsExamplesAndOnlyThere() throws {
        for rule in SideEffectRules.rules {
            for example in rule.triggering {
                let f = try facts(of: example)
                XCTAssertTrue(f.directEffects.contains { $0.kind == rule.kind },
                              "\(rule.kind.rawValue) should be found in:\n\(example)\ngot \(f.directEffects)")
                XCTAssertEqual(f[.sideEffects], .yes, "\(rule.kind.rawValue):\n\(example)")
            }
            for example in rule.nonTriggering {
                let f = try facts(of: example)
                XCTAssertFalse(f.directEffects.contains { $0.kind == rule.kind },
                               "\(rule.kind.rawValue) should not be found in:\n\(example)\ngot \(f.directEffects)")
            }
        }
    }

    func testEveryKindTheAnalysisCanSeeHasExamplesBothWays() {
        let covered = Set(SideEffectRules.rules.filter { !$0.triggering.isEmpty && !$0.nonTriggering.isEmpty }.map(\.kind))
        // Variable creation is decided by Keras at run time: only traces see it.
        XCTAssertEqual(Set(SideEffectKind.allCases).subtracting(covered), [.variableCreation])
    }
}
