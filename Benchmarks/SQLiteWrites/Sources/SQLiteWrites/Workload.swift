// The workload shared by every variant: pre-generated in memory before any timing,
// so every variant writes exactly the same rows in the same order.

/// Benchmark knobs. Defaults match the brief: 200 batches of 1,000 signature rows,
/// 5 timed repetitions.
struct BenchConfig {
    var batches = 200
    var batchSize = 1_000
    var repetitions = 5
    /// Share of each batch (after the first) made of signatures never flushed before;
    /// the rest re-flush existing signatures with updated aggregates.
    var newFraction = 0.25
    var seed: UInt64 = 0x5EED_CAFE
    /// Variant keys to run (`raw`, `statements`, `codable`, `manual`); empty means all.
    var only: Set<String> = []

    static func parse(_ arguments: [String]) throws -> BenchConfig {
        var config = BenchConfig()
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else {
                throw BenchError.usage("missing value after \(flag)")
            }
            switch flag {
            case "--batches": config.batches = try parseInt(value, flag)
            case "--batch-size": config.batchSize = try parseInt(value, flag)
            case "--reps": config.repetitions = try parseInt(value, flag)
            case "--only": config.only = Set(value.split(separator: ",").map(String.init))
            case "--new-fraction":
                guard let fraction = Double(value), fraction > 0, fraction <= 1 else {
                    throw BenchError.usage("--new-fraction expects a number in (0, 1]")
                }
                config.newFraction = fraction
            default:
                throw BenchError.usage(
                    "unknown flag \(flag); flags: --batches N --batch-size N --reps N --new-fraction F --only raw,statements,codable,manual")
            }
        }
        return config
    }

    private static func parseInt(_ value: String, _ flag: String) throws -> Int {
        guard let number = Int(value), number > 0 else {
            throw BenchError.usage("\(flag) expects a positive integer, got \(value)")
        }
        return number
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case sqlite(String)
    case verification(String)

    var description: String {
        switch self {
        case .usage(let message): return "usage: \(message)"
        case .sqlite(let message): return "sqlite: \(message)"
        case .verification(let message): return "verification failed: \(message)"
        }
    }
}

/// One aggregated row of the `signatures` table, as a tracer would flush it.
struct SignatureRow: Sendable {
    var runId: Int64
    var id: Int64
    var functionId: Int64
    var graph: Int64
    var calls: Int64
    var totalNs: Int64
    var maxNs: Int64
    /// Index of the first of this signature's 3 rows in `Batch.params`, or -1 when the
    /// signature was already flushed by an earlier batch (no param rows then).
    var paramStart: Int
}

/// One row of the `signature_params` table.
struct ParamRow: Sendable {
    var runId: Int64
    var signatureId: Int64
    var position: Int64
    var param: String
    var kind: String
    var dtype: String
    var shape: String
    var value: String
}

/// What one flush transaction writes.
struct Batch: Sendable {
    var signatures: [SignatureRow]
    var params: [ParamRow]
}

/// Aggregates that the database must hold after a run; every variant is checked against it.
struct Expected: Equatable, CustomStringConvertible {
    var signatureCount: Int64 = 0
    var sumCalls: Int64 = 0
    var sumTotalNs: Int64 = 0
    var sumMaxNs: Int64 = 0
    var sumFunctionId: Int64 = 0
    var sumGraph: Int64 = 0
    var paramCount: Int64 = 0
    var sumPosition: Int64 = 0
    var sumTextLength: Int64 = 0

    var description: String {
        "signatures=\(signatureCount) calls=\(sumCalls) total_ns=\(sumTotalNs) max_ns=\(sumMaxNs) "
            + "function_id=\(sumFunctionId) graph=\(sumGraph) params=\(paramCount) "
            + "position=\(sumPosition) text=\(sumTextLength)"
    }
}

struct Workload: Sendable {
    var batches: [Batch]
    var signatureUpserts: Int
    var paramUpserts: Int
}

/// SplitMix64: small, fast, deterministic.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<bound (bound > 0); the tiny modulo bias is irrelevant here.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func range(_ lower: Int, _ upper: Int) -> Int64 { Int64(lower + below(upper - lower + 1)) }
}

let runId: Int64 = 1

func makeWorkload(_ config: BenchConfig) -> (Workload, Expected) {
    var rng = SplitMix64(state: config.seed)
    let dtypes = ["float32", "float16", "bfloat16", "int64", "int32", "bool"]
    let modules = ["<Linear>", "<Conv2d>", "<LayerNorm>", "<Attention>", "<Embedding>", "<MLP>"]

    // Current cumulative aggregates of each known signature, indexed by id.
    var calls: [Int64] = []
    var totalNs: [Int64] = []
    var maxNs: [Int64] = []
    var functionIds: [Int64] = []
    var graphs: [Int64] = []
    // A permutation of known ids, partially reshuffled to pick distinct re-flushed ids.
    var known: [Int] = []
    var expected = Expected()

    var batches: [Batch] = []
    batches.reserveCapacity(config.batches)
    var paramUpserts = 0

    for batchIndex in 0..<config.batches {
        var newCount = batchIndex == 0 ? config.batchSize : Int(Double(config.batchSize) * config.newFraction)
        newCount = max(newCount, config.batchSize - known.count)  // not enough known ids yet
        let updateCount = config.batchSize - newCount

        var ids: [(id: Int, isNew: Bool)] = []
        ids.reserveCapacity(config.batchSize)
        for k in 0..<updateCount {
            let j = k + rng.below(known.count - k)
            known.swapAt(k, j)
            ids.append((known[k], false))
        }
        for _ in 0..<newCount {
            ids.append((calls.count, true))
            calls.append(0)
            totalNs.append(0)
            maxNs.append(0)
            functionIds.append(rng.range(1, 2_000))
            graphs.append(rng.range(0, 1))
        }
        for k in ids.indices.dropLast() {  // interleave new and re-flushed rows
            ids.swapAt(k, k + rng.below(ids.count - k))
        }

        var signatures: [SignatureRow] = []
        signatures.reserveCapacity(config.batchSize)
        var params: [ParamRow] = []
        params.reserveCapacity(newCount * 3)
        for (id, isNew) in ids {
            let newCalls = rng.range(1, 50)
            let perCall = rng.range(1_000, 100_000)
            calls[id] += newCalls
            totalNs[id] += newCalls * perCall
            maxNs[id] = max(maxNs[id], perCall + rng.range(0, 50_000))
            var paramStart = -1
            if isNew {
                paramStart = params.count
                let sid = Int64(id)
                let dtype = dtypes[rng.below(dtypes.count)]
                let batch = rng.range(1, 64)
                let width = 64 * rng.range(1, 64)
                params.append(ParamRow(
                    runId: runId, signatureId: sid, position: 0, param: "self", kind: "positional",
                    dtype: "object", shape: "", value: modules[rng.below(modules.count)]))
                params.append(ParamRow(
                    runId: runId, signatureId: sid, position: 1, param: "input", kind: "positional",
                    dtype: dtype, shape: "[\(batch), \(width)]", value: "tensor<\(dtype)>[\(batch)x\(width)]"))
                params.append(ParamRow(
                    runId: runId, signatureId: sid, position: 2, param: "dim", kind: "keyword",
                    dtype: "int", shape: "", value: "\(rng.range(-1, 3))"))
            }
            signatures.append(SignatureRow(
                runId: runId, id: Int64(id), functionId: functionIds[id], graph: graphs[id],
                calls: calls[id], totalNs: totalNs[id], maxNs: maxNs[id], paramStart: paramStart))
        }
        for p in params {
            expected.paramCount += 1
            expected.sumPosition += p.position
            expected.sumTextLength += Int64(
                p.param.utf8.count + p.kind.utf8.count + p.dtype.utf8.count + p.shape.utf8.count
                    + p.value.utf8.count)
        }
        known.append(contentsOf: ids.filter(\.isNew).map(\.id))
        paramUpserts += params.count
        batches.append(Batch(signatures: signatures, params: params))
    }

    expected.signatureCount = Int64(calls.count)
    expected.sumCalls = calls.reduce(0, +)
    expected.sumTotalNs = totalNs.reduce(0, +)
    expected.sumMaxNs = maxNs.reduce(0, +)
    expected.sumFunctionId = functionIds.reduce(0, +)
    expected.sumGraph = graphs.reduce(0, +)
    let workload = Workload(
        batches: batches, signatureUpserts: config.batches * config.batchSize, paramUpserts: paramUpserts)
    return (workload, expected)
}

// SQL shared by the raw and GRDB statement variants (the Record variants let GRDB
// generate theirs).

let schemaSQL = """
    CREATE TABLE signatures(run_id INTEGER, id INTEGER, function_id INTEGER, graph INTEGER, \
    calls INTEGER, total_ns INTEGER, max_ns INTEGER, PRIMARY KEY(run_id, id));
    CREATE TABLE signature_params(run_id INTEGER, signature_id INTEGER, position INTEGER, \
    param TEXT, kind TEXT, dtype TEXT, shape TEXT, value TEXT, \
    PRIMARY KEY(run_id, signature_id, position));
    """

let pragmaSQL = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"

let upsertSignatureSQL = """
    INSERT INTO signatures(run_id, id, function_id, graph, calls, total_ns, max_ns) \
    VALUES (?, ?, ?, ?, ?, ?, ?) \
    ON CONFLICT(run_id, id) DO UPDATE SET \
    calls=excluded.calls, total_ns=excluded.total_ns, max_ns=excluded.max_ns
    """

let upsertParamSQL = """
    INSERT INTO signature_params(run_id, signature_id, position, param, kind, dtype, shape, value) \
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
    ON CONFLICT(run_id, signature_id, position) DO UPDATE SET \
    param=excluded.param, kind=excluded.kind, dtype=excluded.dtype, shape=excluded.shape, \
    value=excluded.value
    """
