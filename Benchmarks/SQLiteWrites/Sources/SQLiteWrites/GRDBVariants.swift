// Variants 2-4: GRDB.swift 7.10.0 on the same system SQLite.
import GRDB

/// Opens the (already created, WAL) database with GRDB's default configuration, sets
/// `synchronous=NORMAL` on the connection like the raw variant, and checks both pragmas.
private func openQueue(path: String) throws -> DatabaseQueue {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: pragmaSQL)
        let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode")
        let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
        guard journal?.lowercased() == "wal", synchronous == 1 else {
            throw BenchError.verification("GRDB pragmas: journal_mode=\(journal ?? "nil") synchronous=\(synchronous ?? -1)")
        }
    }
    return queue
}

/// Variant 2: `db.cachedStatement(sql:)` fetched once per transaction and reused for every
/// row of the batch, executed with `execute(arguments:)` and `StatementArguments`
/// (GRDB binds strings without copying for statements with up to 20 arguments).
func runGRDBStatements(workload: Workload, path: String) throws -> Duration {
    let queue = try openQueue(path: path)
    let clock = ContinuousClock()
    let start = clock.now
    for batch in workload.batches {
        try queue.write { db in  // one IMMEDIATE transaction per flush
            let upsertSignature = try db.cachedStatement(sql: upsertSignatureSQL)
            let upsertParam = try db.cachedStatement(sql: upsertParamSQL)
            for row in batch.signatures {
                try upsertSignature.execute(arguments: [
                    row.runId, row.id, row.functionId, row.graph, row.calls, row.totalNs, row.maxNs,
                ])
                guard row.paramStart >= 0 else { continue }
                for p in batch.params[row.paramStart..<row.paramStart + 3] {
                    try upsertParam.execute(arguments: [
                        p.runId, p.signatureId, p.position, p.param, p.kind, p.dtype, p.shape, p.value,
                    ])
                }
            }
        }
    }
    return clock.now - start
}

// MARK: Records

/// Codable record: GRDB derives the persisted columns from `Encodable`.
struct SignatureCodableRecord: Codable, PersistableRecord {
    static let databaseTableName = "signatures"
    var runId: Int64
    var id: Int64
    var functionId: Int64
    var graph: Int64
    var calls: Int64
    var totalNs: Int64
    var maxNs: Int64

    enum CodingKeys: String, CodingKey {
        case runId = "run_id", id, functionId = "function_id", graph, calls
        case totalNs = "total_ns", maxNs = "max_ns"
    }

    init(_ row: SignatureRow) {
        self.init(
            runId: row.runId, id: row.id, functionId: row.functionId, graph: row.graph,
            calls: row.calls, totalNs: row.totalNs, maxNs: row.maxNs)
    }

    init(runId: Int64, id: Int64, functionId: Int64, graph: Int64, calls: Int64, totalNs: Int64, maxNs: Int64) {
        (self.runId, self.id, self.functionId, self.graph) = (runId, id, functionId, graph)
        (self.calls, self.totalNs, self.maxNs) = (calls, totalNs, maxNs)
    }
}

struct ParamCodableRecord: Codable, PersistableRecord {
    static let databaseTableName = "signature_params"
    var runId: Int64
    var signatureId: Int64
    var position: Int64
    var param: String
    var kind: String
    var dtype: String
    var shape: String
    var value: String

    enum CodingKeys: String, CodingKey {
        case runId = "run_id", signatureId = "signature_id", position, param, kind, dtype, shape, value
    }

    init(_ p: ParamRow) {
        (runId, signatureId, position) = (p.runId, p.signatureId, p.position)
        (param, kind, dtype, shape, value) = (p.param, p.kind, p.dtype, p.shape, p.value)
    }
}

/// Hand-written `encode(to:)`: the record layer without the cost of `Encodable`.
struct SignatureManualRecord: PersistableRecord {
    static let databaseTableName = "signatures"
    var row: SignatureRow

    func encode(to container: inout PersistenceContainer) {
        container["run_id"] = row.runId
        container["id"] = row.id
        container["function_id"] = row.functionId
        container["graph"] = row.graph
        container["calls"] = row.calls
        container["total_ns"] = row.totalNs
        container["max_ns"] = row.maxNs
    }
}

struct ParamManualRecord: PersistableRecord {
    static let databaseTableName = "signature_params"
    var p: ParamRow

    func encode(to container: inout PersistenceContainer) {
        container["run_id"] = p.runId
        container["signature_id"] = p.signatureId
        container["position"] = p.position
        container["param"] = p.param
        container["kind"] = p.kind
        container["dtype"] = p.dtype
        container["shape"] = p.shape
        container["value"] = p.value
    }
}

/// Variant 3: `PersistableRecord.upsert(_:)` on Codable records. GRDB generates
/// `INSERT ... ON CONFLICT DO UPDATE SET <every non-primary-key column> = excluded.<column>`
/// (so function_id and graph are rewritten too, with identical values) and caches the
/// statement internally.
func runGRDBCodableRecords(workload: Workload, path: String) throws -> Duration {
    let queue = try openQueue(path: path)
    let clock = ContinuousClock()
    let start = clock.now
    for batch in workload.batches {
        try queue.write { db in
            for row in batch.signatures {
                try SignatureCodableRecord(row).upsert(db)
                guard row.paramStart >= 0 else { continue }
                for p in batch.params[row.paramStart..<row.paramStart + 3] {
                    try ParamCodableRecord(p).upsert(db)
                }
            }
        }
    }
    return clock.now - start
}

/// Variant 4: the same `upsert(_:)`, with hand-written `encode(to:)` records.
func runGRDBManualRecords(workload: Workload, path: String) throws -> Duration {
    let queue = try openQueue(path: path)
    let clock = ContinuousClock()
    let start = clock.now
    for batch in workload.batches {
        try queue.write { db in
            for row in batch.signatures {
                try SignatureManualRecord(row: row).upsert(db)
                guard row.paramStart >= 0 else { continue }
                for p in batch.params[row.paramStart..<row.paramStart + 3] {
                    try ParamManualRecord(p: p).upsert(db)
                }
            }
        }
    }
    return clock.now - start
}
