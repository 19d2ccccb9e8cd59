import Analysis
import Decisions
import PythonSyntax

/// Turns verdicts into byte edits of the files that were analysed (SPEC §7). Only refactorable
/// verdicts of parsed files are edited; tests, fixtures and the rest of a test suite's files never are.
public struct EditPlanner {
    public struct Plan: Sendable {
        public var edits: [PlannedEdit]
        public var skipped: [SkippedEdit]
        public var changeSet: ChangeSet
    }

    /// Who calls each function, for the outermost-in-chain preference: a caller location, or
    /// nil for a caller that is module-level code, a test, or something no analysis resolved.
    public var callers: [FunctionLocation: [FunctionLocation?]]
    public var includeUnobserved: Bool
    /// Qualnames to restrict the plan to (`--only`); empty for all.
    public var only: Set<String>

    public init(callers: [FunctionLocation: [FunctionLocation?]] = [:], includeUnobserved: Bool = false, only: Set<String> = []) {
        self.callers = callers
        self.includeUnobserved = includeUnobserved
        self.only = only
    }

    public func plan(_ verdicts: [Verdict], project: Project) -> Plan {
        let files = Dictionary(project.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var escaping: ValueReferences?
        var edits: [PlannedEdit] = []
        var skipped: [SkippedEdit] = []
        for verdict in verdicts where verdict.refactorable && !verdict.facts.isInTestSuite {
            guard let transformation = verdict.transformations.first, let file = files[verdict.facts.file] else { continue }
            let location = FunctionLocation(file: verdict.facts.file, line: verdict.facts.line)
            if !only.isEmpty, !only.contains(verdict.facts.qualname) { continue }
            let skip = { (why: String) in
                skipped.append(SkippedEdit(location: location, qualname: verdict.facts.qualname, transformation: transformation, why: why))
            }
            if verdict.restsOnUnobserved, !includeUnobserved {
                skip("rests on an assumption no trace covers (UNOBSERVED): no test could verify it; --include-unobserved edits it anyway")
                continue
            }
            if transformation == .convertToEager {
                if escaping == nil { escaping = ValueReferences(project: project) }
                let name = verdict.facts.qualname.split(separator: ".").last.map(String.init) ?? verdict.facts.qualname
                if escaping?.names.contains(name) == true {
                    skip("`\(name)` is used as a value (returned, passed or stored), where its receiver may need a tf.function "
                         + "(a SavedModel signature, get_concrete_function); the decorator stays")
                    continue
                }
            }
            if file.isSymbolicLink {
                skip("\(file.path) is a symbolic link: writing it would replace the link with a file; edit the file it points to")
                continue
            }
            guard let definition = Self.definition(at: verdict.facts.line, in: file.module.body) else {
                skip("not a `def` (a lambda cannot carry a decorator)")
                continue
            }
            let editor = DecoratorEditor(text: SourceText(file.source), spelling: TensorFlowSpelling(file.module))
            guard let planned = editor.edit(verdict, transformation: transformation, definition: definition, location: location) else {
                skip("the decorator's text is not where the syntax tree puts it; left alone")
                continue
            }
            edits.append(planned)
        }
        let (kept, covered) = OutermostPreference(callers: callers, verdicts: verdicts).filter(edits)
        skipped += covered
        return Plan(edits: kept, skipped: skipped.sorted { $0.location < $1.location },
                    changeSet: ChangeSet(project: project, edits: kept))
    }

    /// The `def` whose keyword is on `line`, at any depth.
    static func definition(at line: Int, in body: [Statement]) -> FunctionDefinition? {
        for statement in body {
            let inner: [[Statement]]
            switch statement.kind {
            case .function(let definition):
                if statement.range.line == line { return definition }
                inner = [definition.body]
            case .class(let definition): inner = [definition.body]
            default: inner = statement.nestedBodies
            }
            for nested in inner {
                if let found = definition(at: line, in: nested) { return found }
            }
        }
        return nil
    }
}

extension EditPlanner {
    /// Each function's callers as the verdicts' 21 weighs them (`FactsAnalyzer.knownCallers`):
    /// module-level code, tests and unseen callers as nil, since they run eagerly.
    public static func callers(in analyzer: FactsAnalyzer) -> [FunctionLocation: [FunctionLocation?]] {
        let functions = analyzer.index.functions
        let location = { (id: Int) in FunctionLocation(file: functions[id].file, line: functions[id].line) }
        var result: [FunctionLocation: [FunctionLocation?]] = [:]
        for (id, callers) in analyzer.knownCallers() {
            result[location(id)] = callers.map { $0.map(location) }
        }
        return result
    }
}
