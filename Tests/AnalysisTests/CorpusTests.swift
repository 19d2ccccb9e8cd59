import Foundation
import PythonRuntime
import PythonSyntax
import XCTest

@testable import Analysis
@testable import Decisions

/// The fixture corpus (Fixtures/corpus, its README gives the marker grammar): every `def` states
/// the verdict static analysis must reach in a `# expect:` comment beside it. Each file is a project
/// of its own. The test prints every disagreement and fails if fewer fixtures agree than the last
/// recorded count, so the analyzer can only get better.
final class CorpusTests: XCTestCase {
    /// Raise this when the analyzer improves; never lower it.
    static let agreeingAtLeast = CorpusBaseline.agreeing

    struct Expectation {
        var file: String
        var line: Int
        var verdict: String
        /// The facts the marker states after `;` (`tensorComputation=unknown`), as SPEC §8 names them.
        var facts: [String: String] = [:]
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")

    func testVerdictsAgreeWithTheCorpusMarkers() throws {
        try EmbeddedInterpreter.startIfNeeded(argv: ["hybridize-tests"])
        let parser = try PythonParser()
        let files = Project.pythonFiles(under: [Self.corpus.path], root: Self.corpus.path)
        XCTAssertGreaterThanOrEqual(files.count, 150, "the corpus has at least 150 programs")
        var total = 0
        var agreeing = 0
        var disagreements: [String] = []
        var covered: [String: Int] = [:]
        for path in files {
            let relative = String(path.dropFirst(Self.corpus.path.count + 1))
            let expectations = try Self.expectations(in: path, relative: relative)
            let project = Project.load(paths: [path], root: (path as NSString).deletingLastPathComponent, parser: parser)
            XCTAssertTrue(project.diagnostics.isEmpty, "\(relative) does not parse: \(project.diagnostics)")
            let verdicts = FactsAnalyzer(project: project).analyze().map(DecisionMaker.decide)
            for expectation in expectations {
                total += 1
                covered[expectation.verdict, default: 0] += 1
                let verdict = verdicts.first { $0.facts.line == expectation.line }
                var actual = verdict.map(Self.summary) ?? "no function"
                // A stated fact that differs is a disagreement too.
                for (name, value) in expectation.facts.sorted(by: { $0.key < $1.key }) {
                    let fact = name == "hybrid"
                        ? (verdict.map { $0.facts.hybrid != nil ? "true" : "false" } ?? "no function")
                        : FactName(rawValue: name).flatMap { verdict?.facts[$0].rawValue } ?? "no such fact"
                    if fact != value { actual += "; \(name)=\(fact) (marker: \(value))" }
                }
                if actual == expectation.verdict {
                    agreeing += 1
                } else {
                    disagreements.append("\(relative):\(expectation.line): expected \(expectation.verdict), got \(actual)")
                }
            }
        }
        print("corpus: \(agreeing) of \(total) functions agree\n" + disagreements.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(total, 300)
        XCTAssertGreaterThanOrEqual(
            agreeing, Self.agreeingAtLeast, "fewer fixtures agree than before:\n" + disagreements.joined(separator: "\n"))
    }

    /// The verdict in the markers' grammar.
    static func summary(_ verdict: Verdict) -> String {
        if let passing = verdict.passingPrecondition { return passing }
        let codes = verdict.failures.map(\.code).sorted().map(String.init).joined(separator: ",")
        if !verdict.failures.isEmpty, verdict.failures.allSatisfy({ $0.severity == .info }) { return "info=" + codes }
        return "fail=" + codes + (verdict.failures.contains { $0.severity == .warning } ? " warning" : "")
    }

    static func expectations(in path: String, relative: String) throws -> [Expectation] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var found: [Expectation] = []
        for (offset, line) in text.components(separatedBy: "\n").enumerated() {
            guard let marker = line.range(of: "# expect: ") else { continue }
            let parts = line[marker.upperBound...].split(separator: ";", maxSplits: 1)
            let verdict = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            var facts: [String: String] = [:]
            for pair in parts.dropFirst().first?.split(separator: " ") ?? [] {
                let nameAndValue = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if nameAndValue.count == 2 { facts[nameAndValue[0]] = nameAndValue[1] }
            }
            found.append(Expectation(file: relative, line: offset + 1, verdict: verdict, facts: facts))
        }
        return found
    }
}
