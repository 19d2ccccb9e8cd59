// Variant 1 (baseline): the raw sqlite3 C API. This file imports only CSQLite3, so
// its calls are not ambiguous with GRDB's own SQLite module.
import CSQLite3

/// A thin owner of one sqlite3 connection.
final class RawConnection {
    let handle: OpaquePointer

    init(path: String) throws {
        var db: OpaquePointer?
        // Same open flags as GRDB's default configuration (multi-thread mode).
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            if let db { sqlite3_close_v2(db) }
            throw BenchError.sqlite("open \(path): \(message)")
        }
        handle = db
    }

    deinit { sqlite3_close_v2(handle) }

    func check(_ code: Int32, _ context: @autoclosure () -> String) throws {
        if code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW {
            throw BenchError.sqlite("\(context()): \(String(cString: sqlite3_errmsg(handle))) (\(code))")
        }
    }

    func exec(_ sql: String) throws {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), sql)
        guard let statement else { throw BenchError.sqlite("empty statement: \(sql)") }
        return statement
    }

    /// Runs a query and returns the first row's columns as Int64 (and text for pragma checks).
    func queryRow(_ sql: String) throws -> [String] {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        let code = sqlite3_step(statement)
        try check(code, sql)
        guard code == SQLITE_ROW else { return [] }
        return (0..<sqlite3_column_count(statement)).map { column in
            sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
        }
    }
}

/// Creates the database file with WAL mode and the schema, using the raw API (so every
/// variant starts from an identical file). GRDB variants reopen it with GRDB.
func createDatabase(at path: String) throws {
    let connection = try RawConnection(path: path)
    try connection.exec(pragmaSQL)
    try connection.exec(schemaSQL)
}

func runRaw(workload: Workload, path: String) throws -> Duration {
    let connection = try RawConnection(path: path)
    try connection.exec(pragmaSQL)  // synchronous is per connection
    let db = connection.handle
    let upsertSignature = try connection.prepare(upsertSignatureSQL)
    defer { sqlite3_finalize(upsertSignature) }
    let upsertParam = try connection.prepare(upsertParamSQL)
    defer { sqlite3_finalize(upsertParam) }
    let begin = try connection.prepare("BEGIN IMMEDIATE")
    defer { sqlite3_finalize(begin) }
    let commit = try connection.prepare("COMMIT")
    defer { sqlite3_finalize(commit) }

    @inline(__always)
    func step(_ statement: OpaquePointer) throws {
        let code = sqlite3_step(statement)
        if code != SQLITE_DONE {
            try connection.check(code == SQLITE_ROW ? SQLITE_MISUSE : code, "step")
        }
        sqlite3_reset(statement)
    }

    let clock = ContinuousClock()
    let start = clock.now
    for batch in workload.batches {
        try step(begin)
        for row in batch.signatures {
            sqlite3_bind_int64(upsertSignature, 1, row.runId)
            sqlite3_bind_int64(upsertSignature, 2, row.id)
            sqlite3_bind_int64(upsertSignature, 3, row.functionId)
            sqlite3_bind_int64(upsertSignature, 4, row.graph)
            sqlite3_bind_int64(upsertSignature, 5, row.calls)
            sqlite3_bind_int64(upsertSignature, 6, row.totalNs)
            sqlite3_bind_int64(upsertSignature, 7, row.maxNs)
            try step(upsertSignature)
            guard row.paramStart >= 0 else { continue }
            for p in batch.params[row.paramStart..<row.paramStart + 3] {
                sqlite3_bind_int64(upsertParam, 1, p.runId)
                sqlite3_bind_int64(upsertParam, 2, p.signatureId)
                sqlite3_bind_int64(upsertParam, 3, p.position)
                // Strings are bound SQLITE_STATIC (nil destructor): no copy, valid until
                // the closures return, and the statement is stepped inside them.
                try p.param.withCString { param in
                    try p.kind.withCString { kind in
                        try p.dtype.withCString { dtype in
                            try p.shape.withCString { shape in
                                try p.value.withCString { value in
                                    sqlite3_bind_text(upsertParam, 4, param, -1, nil)
                                    sqlite3_bind_text(upsertParam, 5, kind, -1, nil)
                                    sqlite3_bind_text(upsertParam, 6, dtype, -1, nil)
                                    sqlite3_bind_text(upsertParam, 7, shape, -1, nil)
                                    sqlite3_bind_text(upsertParam, 8, value, -1, nil)
                                    try step(upsertParam)
                                }
                            }
                        }
                    }
                }
            }
        }
        if sqlite3_step(commit) != SQLITE_DONE {
            let code = sqlite3_errcode(db)
            sqlite3_reset(commit)
            _ = sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
            try connection.check(code, "COMMIT")
        }
        sqlite3_reset(commit)
    }
    return clock.now - start
}

/// Checks, with the raw API, that the file holds exactly what the workload implies.
func verifyDatabase(at path: String, expected: Expected, variant: String) throws {
    let connection = try RawConnection(path: path)
    let journal = try connection.queryRow("PRAGMA journal_mode")
    guard journal.first?.lowercased() == "wal" else {
        throw BenchError.verification("\(variant): journal_mode is \(journal), expected wal")
    }
    let s = try connection.queryRow(
        "SELECT COUNT(*), SUM(calls), SUM(total_ns), SUM(max_ns), SUM(function_id), SUM(graph) FROM signatures"
    ).map { Int64($0) ?? -1 }
    let p = try connection.queryRow(
        """
        SELECT COUNT(*), SUM(position), \
        SUM(length(param) + length(kind) + length(dtype) + length(shape) + length(value)) \
        FROM signature_params
        """
    ).map { Int64($0) ?? -1 }
    guard s.count == 6, p.count == 3 else {
        throw BenchError.verification("\(variant): unexpected checksum query shape")
    }
    let actual = Expected(
        signatureCount: s[0], sumCalls: s[1], sumTotalNs: s[2], sumMaxNs: s[3], sumFunctionId: s[4],
        sumGraph: s[5], paramCount: p[0], sumPosition: p[1], sumTextLength: p[2])
    guard actual == expected else {
        throw BenchError.verification("\(variant):\n  expected \(expected)\n  actual   \(actual)")
    }
}

func sqliteVersion() -> String { String(cString: sqlite3_libversion()) }
