import ArgumentParser
import Decisions
import Foundation
import Reporting

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Hold every assumption of the analysis against traces: CONFIRMED, REJECTED or UNOBSERVED, with the evidence.",
        discussion: """
            Assumptions are the keyword guesses of SPEC §5 and the `false` facts that only traces
            support (§4.2, with the line coverage of the traced calls when `trace --coverage`
            recorded it). A rejected assumption withdraws the verdict that rested on it. The table
            ends with where the traced eager time went. A database that is missing, corrupt, not
            SQLite or from a newer hybridize is an error (exit 3).
            """)

    @OptionGroup var options: VerdictOptions

    @Option(name: .long, help: "Output format: text (assumptions by status), json (SPEC §8's JSON lines, statuses filled), or sarif (SARIF 2.1.0, one result per assumption).")
    var format: VerdictFormat = .text

    func validate() throws {
        if options.traces.isEmpty {
            throw ValidationError("audit needs trace databases: --traces DB... (write one with `hybridize trace`)")
        }
    }

    func run() throws {
        let verdicts = try options.verdicts()
        switch format {
        case .json: print(VerdictJSONLines.render(verdicts))
        case .text: print(AuditTable.render(verdicts, width: AnalyzeCommand.terminalColumns()))
        case .sarif: print(AuditSARIF.render(verdicts, toolVersion: Hybridize.configuration.version))
        }
    }
}
