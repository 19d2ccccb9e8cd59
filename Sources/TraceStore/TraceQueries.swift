/// Read access for reports, tests and merges.
extension TraceDatabase {
    /// A row of the stable `observed_calls` view (SPEC §8).
    public struct ObservedCall: Equatable, Sendable {
        public var file: String, qualname: String, line: Int, param: String, kind: String
        public var dtype: String?, shape: String?, calls: Int
    }

    /// A row of the stable `observed_effects` view (SPEC §8).
    public struct ObservedEffect: Equatable, Sendable {
        public var file: String, qualname: String, line: Int, kind: String, target: String
        public var effectLine: Int, count: Int
    }

    public struct Totals: Equatable, Sendable {
        public var runs: Int, functions: Int, calls: Int, effects: Int, tests: Int
    }

    public func observedCalls() throws -> [ObservedCall] {
        try connection.query(
            "SELECT file, qualname, line, param, kind, dtype, shape, calls FROM observed_calls ORDER BY file, line, param"
        ).map { row in
            ObservedCall(
                file: row[0].text ?? "", qualname: row[1].text ?? "", line: Int(row[2].integer ?? 0),
                param: row[3].text ?? "", kind: row[4].text ?? "", dtype: row[5].text, shape: row[6].text,
                calls: Int(row[7].integer ?? 0))
        }
    }

    public func observedEffects() throws -> [ObservedEffect] {
        try connection.query(
            """
            SELECT file, qualname, line, kind, target, effect_line, count FROM observed_effects
            ORDER BY file, line, kind, target
            """
        ).map { row in
            ObservedEffect(
                file: row[0].text ?? "", qualname: row[1].text ?? "", line: Int(row[2].integer ?? 0),
                kind: row[3].text ?? "", target: row[4].text ?? "", effectLine: Int(row[5].integer ?? 0),
                count: Int(row[6].integer ?? 0))
        }
    }

    /// Sizes for the closing summary of a run (or of every run when `run` is nil).
    public func totals(run runID: Int? = nil) throws -> Totals {
        let filter = runID.map { " WHERE run_id = \($0)" } ?? ""
        func count(_ sql: String) throws -> Int { Int(try connection.query(sql).first?.first?.integer ?? 0) }
        return Totals(
            runs: runID == nil ? try count("SELECT count(*) FROM runs") : 1,
            functions: try count("SELECT count(*) FROM functions\(filter)"),
            calls: try count("SELECT coalesce(sum(calls), 0) FROM signatures\(filter)"),
            effects: try count("SELECT coalesce(sum(count), 0) FROM effects\(filter)"),
            tests: try count("SELECT count(*) FROM tests\(filter)"))
    }

    /// Runs any read-only SQL; for tests and scripts that want more than the stable views.
    public func rows(_ sql: String, _ bindings: [SQLValue] = []) throws -> [[SQLValue]] {
        try connection.query(sql, bindings)
    }
}
