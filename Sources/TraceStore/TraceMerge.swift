/// Merging runs (shards of one suite on several machines, or separate databases) into one file.
extension TraceDatabase {
    /// Tables copied per run, with their columns after `run_id`.
    private static let perRunTables: [(name: String, columns: String)] = [
        ("tests", "id, nodeid, outcome, duration"),
        ("functions", "id, file, qualname, line, params"),
        ("signatures", "id, function_id, graph, calls, total_ns, max_ns"),
        ("signature_params", "signature_id, position, param, kind, dtype, shape, elements, value"),
        ("signature_tests", "signature_id, test_id, calls"),
        ("param_identities", "function_id, param, kind, distinct_objects, saturated, calls"),
        ("param_values", "function_id, param, distinct_values, saturated"),
        ("effects", "id, function_id, kind, target, line, via_function_id, count, first_test_id, repeat_count, graph_count"),
        ("function_lines", "function_id, executable, covered"),
        ("edges", "caller_id, callee_id, line, calls"),
        ("hybrid_calls", "function_id, traced, calls, total_ns, max_ns"),
    ]

    /// What one merge did.
    public struct MergeCount: Equatable, Sendable {
        public var merged = 0
        /// Runs already in this database (same command, root, shard and start time): merging a
        /// shard twice must not count its calls twice.
        public var alreadyPresent = 0
    }

    /// Appends every run of the database at `source` to this one, as new runs, except those it
    /// already holds.
    @discardableResult
    public func merge(from source: String) throws -> MergeCount {
        // Opening validates the source's schema version and upgrades an older one in place, so
        // every table listed above exists there (and creates nothing harmful if absent).
        _ = try TraceDatabase(path: source)
        try connection.run("ATTACH DATABASE ? AS source", [.text(source)])
        defer { try? connection.execute("DETACH DATABASE source") }
        var count = MergeCount()
        try connection.transaction {
            let runs = try connection.query(
                """
                SELECT s.id, EXISTS (SELECT 1 FROM main.runs m WHERE m.command IS s.command AND m.root IS s.root
                                     AND m.shard IS s.shard AND m.started_at IS s.started_at)
                FROM source.runs s ORDER BY s.id
                """)
            for row in runs {
                guard let oldID = row.first?.integer else { continue }
                if row.last?.integer == 1 {
                    count.alreadyPresent += 1
                    continue
                }
                try connection.run(
                    """
                    INSERT INTO runs (command, root, python_version, tensorflow_version, hook, shard,
                                      started_at, ended_at, exit_status)
                    SELECT command, root, python_version, tensorflow_version, hook, shard,
                           started_at, ended_at, exit_status
                    FROM source.runs WHERE id = ?
                    """, [.integer(oldID)])
                let newID = try connection.query("SELECT last_insert_rowid()").first?.first ?? .null
                for table in Self.perRunTables {
                    try connection.run(
                        """
                        INSERT INTO main.\(table.name) (run_id, \(table.columns))
                        SELECT ?, \(table.columns) FROM source.\(table.name) WHERE run_id = ?
                        """, [newID, .integer(oldID)])
                }
                count.merged += 1
            }
        }
        return count
    }
}
