// SQLite write-throughput benchmark: GRDB.swift 7.10.0 vs. the raw sqlite3 C API.
// Usage: swift run -c release [--batches N] [--batch-size N] [--reps N] [--new-fraction F]
//                             [--only raw,statements,codable,manual]
import Foundation

struct Variant {
    let key: String
    let name: String
    let run: (Workload, String) throws -> Duration
}

/// The raw C API stays first: it is the baseline of the ratios.
func makeVariants() -> [Variant] {
    [
        Variant(key: "raw", name: "raw sqlite3 C API", run: { try runRaw(workload: $0, path: $1) }),
        Variant(key: "statements", name: "GRDB cachedStatement + args", run: { try runGRDBStatements(workload: $0, path: $1) }),
        Variant(key: "codable", name: "GRDB Record upsert (Codable)", run: { try runGRDBCodableRecords(workload: $0, path: $1) }),
        Variant(key: "manual", name: "GRDB Record upsert (manual)", run: { try runGRDBManualRecords(workload: $0, path: $1) }),
    ]
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

func format(_ value: Double, decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0 && index % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return String(result.reversed())
}

/// Deletes a database and its WAL/SHM side files.
func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
    }
}

/// Runs one variant on a fresh database file and returns its duration.
func measure(_ variant: Variant, _ workload: Workload, in directory: String, expected: Expected?) throws -> Double {
    let path = directory + "/bench.sqlite"
    removeDatabase(at: path)
    try createDatabase(at: path)
    let elapsed = try variant.run(workload, path)
    if let expected {
        try verifyDatabase(at: path, expected: expected, variant: variant.name)
    }
    removeDatabase(at: path)
    return seconds(elapsed)
}

/// Runs a tool found on PATH and returns its standard output, or nil if it failed.
func runTool(_ arguments: [String]) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? data : nil
}

func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))
        .flatMap { $0[.size] as? NSNumber }?.intValue
}

/// Approximate release-binary size contribution of GRDB: the summed sizes of the
/// symbols of module GRDB (Swift mangling prefix `$s4GRDB`) in this executable, read
/// with `nm`. libsqlite3 is a shared library in both cases and adds nothing to the file.
func binarySizeReport(scratch: String) -> String {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
        let size = fileSize(executable)
    else { return "binary size: unavailable" }
    var report = "binary: \(grouped(Double(size))) bytes unstripped"
    let stripped = scratch + "/stripped"
    if runTool(["strip", "-o", stripped, executable]) != nil, let strippedSize = fileSize(stripped) {
        report += ", \(grouped(Double(strippedSize))) bytes stripped"
    }
    guard let symbols = runTool(["nm", "--print-size", "--defined-only", executable]) else {
        return report + " (nm unavailable for a per-module split)"
    }
    var grdbBytes = 0
    var allBytes = 0
    for line in String(decoding: symbols, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: " ", maxSplits: 3)
        guard fields.count == 4, let size = Int(fields[1], radix: 16) else { continue }
        allBytes += size
        if fields[3].hasPrefix("$s4GRDB") { grdbBytes += size }
    }
    return report + "; sized symbols \(grouped(Double(allBytes))) bytes, of which module GRDB "
        + "\(grouped(Double(grdbBytes))) bytes (≈ GRDB's code+metadata contribution; the raw C API "
        + "path adds only a few KB of glue, and libsqlite3 is a shared library for both)"
}

func main() throws {
    let config = try BenchConfig.parse(CommandLine.arguments)
    let variants = makeVariants().filter { config.only.isEmpty || config.only.contains($0.key) }
    guard !variants.isEmpty else { throw BenchError.usage("--only matched no variant") }
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("sqlite-writes-bench-\(ProcessInfo.processInfo.processIdentifier)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }

    let (workload, expected) = makeWorkload(config)
    print("SQLite \(sqliteVersion()) (system libsqlite3), GRDB 7.10.0, WAL + synchronous=NORMAL, db in \(directory)")
    print(
        "workload: \(config.batches) transactions x \(config.batchSize) signature upserts = "
            + "\(grouped(Double(workload.signatureUpserts))) signature upserts + "
            + "\(grouped(Double(workload.paramUpserts))) param upserts (\(expected.signatureCount) distinct "
            + "signatures, \(format(config.newFraction * 100))% new per batch after the first); "
            + "\(config.repetitions) repetitions, median reported")

    // Warm-up (not reported): a short run of every variant.
    let warmup = Workload(
        batches: Array(workload.batches.prefix(max(1, config.batches / 10))), signatureUpserts: 0, paramUpserts: 0)
    for variant in variants {
        _ = try measure(variant, warmup, in: directory, expected: nil)
    }

    var times = Array(repeating: [Double](), count: variants.count)
    for repetition in 0..<config.repetitions {
        // Rotate the starting variant so no variant always runs first or last.
        for offset in 0..<variants.count {
            let index = (repetition + offset) % variants.count
            let elapsed = try measure(variants[index], workload, in: directory, expected: expected)
            times[index].append(elapsed)
        }
        let line = variants.indices.map { "\(format(times[$0].last ?? 0, decimals: 3))s" }
        print("  rep \(repetition + 1): " + line.joined(separator: "  "))
    }

    let signatureRows = Double(workload.signatureUpserts)
    let allRows = Double(workload.signatureUpserts + workload.paramUpserts)
    // Ratios are relative to the raw C API when it ran.
    let baseline = variants.first?.key == "raw" ? median(times[0]) : nil
    print("")
    print(
        "| " + pad("variant", 30) + " | " + pad("median s", 8, right: true) + " | "
            + pad("signature rows/s", 16, right: true) + " | " + pad("all rows/s", 10, right: true) + " | "
            + pad("min..max rows/s", 19, right: true) + " | " + pad("vs raw C", 8, right: true) + " |")
    print("|" + [32, 10, 18, 12, 21, 10].enumerated().map { column, width in
        String(repeating: "-", count: width - 1) + (column == 0 ? "-" : ":")
    }.joined(separator: "|") + "|")
    for (index, variant) in variants.enumerated() {
        let med = median(times[index])
        let fastest = times[index].min() ?? med
        let slowest = times[index].max() ?? med
        let range = "\(grouped(signatureRows / slowest))..\(grouped(signatureRows / fastest))"
        print(
            "| " + pad(variant.name, 30) + " | " + pad(format(med, decimals: 3), 8, right: true) + " | "
                + pad(grouped(signatureRows / med), 16, right: true) + " | "
                + pad(grouped(allRows / med), 10, right: true) + " | " + pad(range, 19, right: true) + " | "
                + pad(baseline.map { format($0 / med, decimals: 2) + "x" } ?? "n/a", 8, right: true) + " |")
    }
    print("")
    print("rows/s = signature upserts per second (median of \(config.repetitions)); all rows/s also counts "
        + "param upserts; 'vs raw C' = variant throughput / raw C throughput.")
    print(binarySizeReport(scratch: directory))
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
