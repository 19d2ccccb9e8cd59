import CSQLite
import Foundation

/// A trace database: opens or creates it with the versioned schema, appends runs, writes batches.
public final class TraceDatabase {
    public let path: String
    let connection: SQLiteConnection
    /// The schema the file was written with (older ones are read as far as they go).
    public private(set) var schemaVersion = Int(TraceSchema.version)

    /// Opens `path`, creating it with the current schema when it is new. A database written by a
    /// newer schema version is refused rather than misread.
    public init(path: String) throws {
        self.path = path
        connection = try SQLiteConnection(path: path)
        // Small pages: a trace database is mostly a few hundred aggregate rows spread over a dozen
        // tables, each of which takes at least one page. Only takes effect on a new file.
        try connection.execute("PRAGMA page_size=1024")
        // Checked and created under the write lock: two runs (shards, say) starting together on
        // a new file would otherwise each see it half made, tables without a version.
        try connection.transaction {
            let version = try Self.version(of: connection)
            if version > Int64(TraceSchema.version) {
                throw TraceStoreError.newerSchema(version, path: path)
            }
            guard version < Int64(TraceSchema.version) else { return }
            // An SQLite file of some other program (any table and no version) is not ours to add to.
            let hasTables = try connection.query("SELECT count(*) FROM sqlite_master").first?.first?.integer ?? 0
            if version == 0 && hasTables > 0 {
                throw TraceStoreError.notATraceDatabase(path)
            }
            // Every version adds to the one before: columns by ALTER TABLE here, tables by the
            // schema's CREATE TABLE IF NOT EXISTS (version 3's hybrid_calls).
            if version == 1 {
                try connection.execute(
                    """
                    ALTER TABLE effects ADD COLUMN repeat_count INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE effects ADD COLUMN graph_count INTEGER NOT NULL DEFAULT 0;
                    """)
            }
            try connection.execute(TraceSchema.sql)
            try connection.execute("PRAGMA user_version = \(TraceSchema.version)")
        }
        // Only once the file is known to be a trace database: switching another program's file
        // to WAL would rewrite its header.
        try connection.execute("PRAGMA journal_mode=WAL")
        // NORMAL in WAL mode: a committed batch survives the process dying (not the OS crashing),
        // which is the failure this database is built for.
        try connection.execute("PRAGMA synchronous=NORMAL")
    }

    /// Opens an existing database for reading only, as `audit` and `analyze --traces` do: nothing
    /// is created, upgraded or written. A file that is missing, not SQLite, not a trace database,
    /// or written by a newer schema is refused with a `TraceStoreError` that says which.
    public init(readingFrom path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TraceStoreError(path: path, operation: "open", message: "no such file")
        }
        guard !isFolder.boolValue else {
            throw TraceStoreError(path: path, operation: "open", message: "a folder, not a trace database")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TraceStoreError(path: path, operation: "open", message: "cannot read it: permission denied")
        }
        let version: Int64
        (connection, version) = try Self.openForReading(path)
        if version > Int64(TraceSchema.version) {
            throw TraceStoreError.newerSchema(version, path: path)
        }
        let hasRuns = (try? connection.query("SELECT count(*) FROM sqlite_master WHERE name = 'runs'").first?.first?.integer) ?? 0
        if version == 0 || hasRuns == 0 {
            throw TraceStoreError.notATraceDatabase(path)
        }
        schemaVersion = Int(version)
    }

    /// A read-only connection and the file's schema version. A WAL database in a folder this
    /// process cannot write (a shared, read-only results folder) fails to open for want of its
    /// -shm file; with no pending -wal content it is read as immutable instead.
    private static func openForReading(_ path: String) throws -> (SQLiteConnection, Int64) {
        let connection = try SQLiteConnection(path: path, readOnly: true)
        do {
            return (connection, try version(of: connection))
        } catch let error as TraceStoreError where error.code & 0xFF == SQLITE_CANTOPEN || error.code & 0xFF == SQLITE_READONLY {
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard log == 0 else {
                throw TraceStoreError(
                    path: path, operation: "open",
                    message: "its folder is read-only and \(path)-wal holds writes not yet in the file; copy the database "
                        + "and its -wal file to a writable folder", code: error.code)
            }
            let immutable = try SQLiteConnection(path: path, readOnly: true, immutable: true)
            return (immutable, try version(of: immutable))
        } catch let error as TraceStoreError {
            throw TraceStoreError(path: path, operation: error.code == 0 ? "open" : "", message: error.message, code: error.code)
        }
    }

    private static func version(of connection: SQLiteConnection) throws -> Int64 {
        try connection.query("PRAGMA user_version").first?.first?.integer ?? 0
    }

    /// Appends a run and returns its id.
    public func beginRun(_ run: RunInfo) throws -> Int {
        var runID = 0
        try connection.transaction {
            try connection.run(
                """
                INSERT INTO runs (command, root, python_version, tensorflow_version, hook, shard, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(run.command), .text(run.root), SQLValue(run.pythonVersion), SQLValue(run.tensorflowVersion),
                 .text(run.hook), SQLValue(run.shard), .text(run.startedAt)])
            runID = Int(try connection.query("SELECT last_insert_rowid()").first?.first?.integer ?? 0)
        }
        return runID
    }

    public func setTensorFlowVersion(_ version: String, run runID: Int) throws {
        try connection.run("UPDATE runs SET tensorflow_version = ? WHERE id = ?", [.text(version), .integer(Int64(runID))])
    }

    public func finishRun(_ runID: Int, exitStatus: Int32, endedAt: String) throws {
        try connection.run(
            "UPDATE runs SET ended_at = ?, exit_status = ? WHERE id = ?",
            [.text(endedAt), .integer(Int64(exitStatus)), .integer(Int64(runID))])
    }

    /// Writes one batch in one transaction; rows are upserts of cumulative values.
    public func write(_ batch: TraceBatch, run runID: Int) throws {
        guard !batch.isEmpty else { return }
        let run = SQLValue.integer(Int64(runID))
        try connection.transaction {
            for function in batch.functions {
                try connection.run(
                    "INSERT OR REPLACE INTO functions (run_id, id, file, qualname, line, params) VALUES (?, ?, ?, ?, ?, ?)",
                    [run, .integer(Int64(function.id)), .text(function.file), .text(function.qualname),
                     .integer(Int64(function.line)), .text(function.params.joined(separator: ","))])
            }
            for test in batch.tests {
                try connection.run(
                    "INSERT OR REPLACE INTO tests (run_id, id, nodeid, outcome, duration) VALUES (?, ?, ?, ?, ?)",
                    [run, .integer(Int64(test.id)), .text(test.nodeID), SQLValue(test.outcome),
                     test.duration.map { .real($0) } ?? .null])
            }
            for signature in batch.signatures {
                try connection.run(
                    """
                    INSERT INTO signatures (run_id, id, function_id, graph, calls, total_ns, max_ns)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (run_id, id) DO UPDATE SET
                        calls = excluded.calls, total_ns = excluded.total_ns, max_ns = excluded.max_ns
                    """,
                    [run, .integer(Int64(signature.id)), .integer(Int64(signature.functionID)),
                     .integer(signature.graph ? 1 : 0), .integer(Int64(signature.calls)),
                     .integer(Int64(signature.totalNanoseconds)), .integer(Int64(signature.maxNanoseconds))])
                for (position, param) in (signature.params ?? []).enumerated() {
                    try connection.run(
                        """
                        INSERT OR REPLACE INTO signature_params
                            (run_id, signature_id, position, param, kind, dtype, shape, elements, value)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [run, .integer(Int64(signature.id)), .integer(Int64(position)), .text(param.param),
                         .text(param.kind), SQLValue(param.dtype), SQLValue(param.shape), SQLValue(param.elements),
                         SQLValue(param.value)])
                }
            }
            for link in batch.signatureTests {
                try connection.run(
                    "INSERT OR REPLACE INTO signature_tests (run_id, signature_id, test_id, calls) VALUES (?, ?, ?, ?)",
                    [run, .integer(Int64(link.signatureID)), .integer(Int64(link.testID)), .integer(Int64(link.calls))])
            }
            for identity in batch.identities {
                try connection.run(
                    """
                    INSERT OR REPLACE INTO param_identities
                        (run_id, function_id, param, kind, distinct_objects, saturated, calls)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [run, .integer(Int64(identity.functionID)), .text(identity.param), .text(identity.kind),
                     .integer(Int64(identity.distinctObjects)), .integer(identity.saturated ? 1 : 0),
                     .integer(Int64(identity.calls))])
            }
            for values in batch.values {
                try connection.run(
                    """
                    INSERT OR REPLACE INTO param_values (run_id, function_id, param, distinct_values, saturated)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [run, .integer(Int64(values.functionID)), .text(values.param),
                     .integer(Int64(values.distinctValues)), .integer(values.saturated ? 1 : 0)])
            }
            for effect in batch.effects {
                try connection.run(
                    """
                    INSERT OR REPLACE INTO effects
                        (run_id, id, function_id, kind, target, line, via_function_id, count, first_test_id,
                         repeat_count, graph_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [run, .integer(Int64(effect.id)), .integer(Int64(effect.functionID)), .text(effect.kind),
                     .text(effect.target), .integer(Int64(effect.line)), SQLValue(effect.viaFunctionID),
                     .integer(Int64(effect.count)), SQLValue(effect.firstTestID), .integer(Int64(effect.repeatCount)),
                     .integer(Int64(effect.graphCount))])
            }
            for lines in batch.lines {
                try connection.run(
                    "INSERT OR REPLACE INTO function_lines (run_id, function_id, executable, covered) VALUES (?, ?, ?, ?)",
                    [run, .integer(Int64(lines.functionID)), .integer(Int64(lines.executable)),
                     .text(lines.covered.map(String.init).joined(separator: ","))])
            }
            for hybrid in batch.hybridCalls {
                try connection.run(
                    """
                    INSERT OR REPLACE INTO hybrid_calls (run_id, function_id, traced, calls, total_ns, max_ns)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    [run, .integer(Int64(hybrid.functionID)), .integer(Int64(hybrid.phase.rawValue)),
                     .integer(Int64(hybrid.calls)), .integer(Int64(hybrid.totalNanoseconds)),
                     .integer(Int64(hybrid.maxNanoseconds))])
            }
            for edge in batch.edges {
                try connection.run(
                    "INSERT OR REPLACE INTO edges (run_id, caller_id, callee_id, line, calls) VALUES (?, ?, ?, ?, ?)",
                    [run, .integer(Int64(edge.callerID)), .integer(Int64(edge.calleeID)), .integer(Int64(edge.line)),
                     .integer(Int64(edge.calls))])
            }
        }
    }

    /// Folds the WAL back into the main file, so the database is one self-contained file.
    public func checkpoint() throws {
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}

extension TraceStoreError {
    static func newerSchema(_ version: Int64, path: String) -> TraceStoreError {
        TraceStoreError(path: path, operation: "open",
                        message: "schema version \(version) is newer than this hybridize understands (\(TraceSchema.version))")
    }

    static func notATraceDatabase(_ path: String) -> TraceStoreError {
        TraceStoreError(path: path, operation: "open", message: "not a hybridize trace database")
    }
}
