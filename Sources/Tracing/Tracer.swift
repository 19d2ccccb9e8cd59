import CPython
import CPythonShim
import Foundation
import PythonRuntime
import TraceStore

/// Tags kept in each code object's extra slot: 0 = not decided yet, 1 = not project code,
/// 2 = TensorFlow's `Function.__call__` (calls through tf.function, see HybridCalls.swift),
/// n + 3 = project function index n.
let undecidedTag = 0
let notProjectTag = 1
let hybridCallTag = 2
let firstFunctionTag = 3

/// The PEP 523 code-extra slot index; a plain global so the hook's fast path reads it without a
/// lazy-initialisation check.
var codeExtraIndex: Int = -1

/// The tracer's state for one run: every aggregate lives here, under the GIL.
final class Tracer {
    static var active: Tracer?

    let filter: ProjectFilter
    let database: TraceDatabase
    let runID: Int
    let strings = StringTable()
    let classifier: ValueClassifier
    let manyID: Int32
    let unboundID: Int32
    let snapshots = DictSnapshots()
    let progress: ProgressLine?

    private let helpers: PyRef
    private let codeLocation: PyRef
    private let globalNamesOf: PyRef
    private let effectLinesOf: PyRef
    private let autographOrigin: PyRef
    private let lastInstructionName: PyRef
    private(set) var graphProbe: PyRef?

    var functions: [FunctionRecord] = []
    private var functionsByLocation: [String: Int] = [:]
    /// Project functions by the address of their code object, for coverage reports.
    private(set) var functionsByCode: [UInt: Int] = [:]
    /// `hybridize_runtime.coverage_lines`, when `trace --coverage` asked for line coverage.
    var coverageLines: PyRef?
    private var effectLines: [Int: [String: Int]] = [:]
    var signatures: [SignatureKey: SignatureStats] = [:]
    var effects: [EffectKey: EffectStats] = [:]
    var effectTargets: [String: Set<String>] = [:]
    static let maximumEffectTargets = 32
    var edges: [EdgeKey: EdgeStats] = [:]
    /// The calls of `edges` summed by caller line, as stored; kept up to date by each flush.
    var edgeCallsByLine: [EdgeLineKey: Int] = [:]
    /// Calls through tf.function wrappers of project functions (HybridCalls.swift).
    let hybridCalls: HybridCallTable
    var tests: [TestRecord] = []
    private var testsByNodeID: [String: Int] = [:]
    var currentTest: Int?
    /// Every shard of a pytest suite imports and collects the whole suite (module bodies,
    /// parametrize arguments made by project calls), so only the first shard records calls made
    /// outside any test, and merged shards count that work once, as a single run does.
    let recordsOutsideTests: Bool
    /// Whether a project call starting now is recorded: read by the hooks at every call.
    private(set) var recording: Bool
    var testsCollected: Int?
    var testsFinished = 0
    var totalCalls = 0
    private var callsAtLastFlush = 0
    private var lastFlush = hyb_monotonic_ns()
    private var writeFailed = false
    /// When the writes that still fail started failing (nil while the database is up to date).
    private(set) var unwrittenSince: Date?
    private(set) var lastWriteError: String?
    private var finished = false
    /// Set when a signal or `--timeout` stopped the command (RunEnding.swift).
    var interruption: Interruption?
    var untracedChildren = UntracedChildren()
    /// Ends a run that outlives `--timeout` or ignores an interruption.
    var watchdog: RunWatchdog?
    let ownerProcess = getpid()

    init(filter: ProjectFilter, database: TraceDatabase, runID: Int, helpers: PyRef, progress: ProgressLine?,
         recordsOutsideTests: Bool = true) throws {
        self.filter = filter
        self.recordsOutsideTests = recordsOutsideTests
        recording = recordsOutsideTests
        self.database = database
        self.runID = runID
        self.helpers = helpers
        self.progress = progress
        classifier = try ValueClassifier(helpers: helpers, strings: strings)
        manyID = strings.id("<many>")
        unboundID = strings.id("<unbound>")
        codeLocation = try helpers.attribute("code_location")
        globalNamesOf = try helpers.attribute("global_names")
        effectLinesOf = try helpers.attribute("effect_lines")
        autographOrigin = try helpers.attribute("autograph_origin")
        lastInstructionName = try Python.makeString("f_lasti")
        hybridCalls = try HybridCallTable()
    }

    // MARK: Deciding what is project code

    /// Comprehensions and generator expressions are code objects of their own in 3.11; their
    /// calls, effects, edges and lines belong to the function that contains them.
    static func isOwnFrame<Name: StringProtocol>(codeName name: Name) -> Bool {
        !name.hasPrefix("<") || name == "<module>" || name == "<lambda>"
    }

    /// Classifies a code object seen for the first time and stores the decision in its extra slot.
    /// Without a frame (a code object met through a tf.function wrapper before it ever ran), an
    /// AutoGraph-generated code object stays undecided: only its frame tells whose copy it is.
    func decide(code: UnsafeMutablePointer<PyCodeObject>, frame: OpaquePointer?) -> Int {
        let tag = classify(code: code, frame: frame)
        if tag != undecidedTag, hyb_set_code_extra(code, codeExtraIndex, UnsafeMutableRawPointer(bitPattern: tag)) != 0 {
            PyErr_Clear()
        }
        return tag
    }

    private func classify(code: UnsafeMutablePointer<PyCodeObject>, frame: OpaquePointer?) -> Int {
        guard let filenameObject = hyb_code_filename(code), let filename = Python.unicode(filenameObject) else {
            return notProjectTag
        }
        let codeObject = PyRef(borrowing: UnsafeMutableRawPointer(code).assumingMemoryBound(to: PyObject.self))
        if filename.contains("__autograph_generated_file") {
            guard let frame else { return undecidedTag }
            return autographFunction(code: codeObject, frame: frame).map { $0 + firstFunctionTag } ?? notProjectTag
        }
        if Self.isHybridCall(filename: filename, code: code) {
            return hybridCallTag
        }
        guard let relative = filter.relativePath(of: filename) else { return notProjectTag }
        let qualname = hyb_code_qualname(code).flatMap(Python.unicode) ?? "?"
        guard Self.isOwnFrame(codeName: qualname.split(separator: ".").last ?? "") else { return notProjectTag }
        guard let location = try? codeLocation.call(codeObject), hyb_is_tuple(location.pointer) != 0 else {
            PyErr_Clear()
            return notProjectTag
        }
        let line = PyLong_AsLong(hyb_tuple_item(location.pointer, 0))
        let params = strings(in: hyb_tuple_item(location.pointer, 1))
        return register(file: relative, qualname: qualname, line: line, params: params, code: codeObject) + firstFunctionTag
    }

    /// tf.function runs an AutoGraph-converted copy of each function it traces; calls of that copy
    /// are calls of the user's function, made while TensorFlow builds a graph.
    private func autographFunction(code: PyRef, frame: OpaquePointer) -> Int? {
        guard let function = hyb_frame_function(frame),
            let origin = try? autographOrigin.call(PyRef(borrowing: function)), hyb_is_tuple(origin.pointer) != 0,
            let filename = Python.string(hyb_tuple_item(origin.pointer, 0)),
            let relative = filter.relativePath(of: filename),
            let qualname = Python.string(hyb_tuple_item(origin.pointer, 2))
        else {
            PyErr_Clear()
            return nil
        }
        let line = PyLong_AsLong(hyb_tuple_item(origin.pointer, 1))
        guard let location = try? codeLocation.call(code) else {
            PyErr_Clear()
            return nil
        }
        let params = strings(in: hyb_tuple_item(location.pointer, 1))
        return register(file: relative, qualname: qualname, line: line, params: params, code: code)
    }

    private func register(file: String, qualname: String, line: Int, params: [String], code: PyRef) -> Int {
        let key = "\(file):\(line):\(qualname)"
        if let existing = functionsByLocation[key] {
            return existing
        }
        var globals: [PyRef] = []
        if let names = try? globalNamesOf.call(code), hyb_is_tuple(names.pointer) != 0 {
            for index in 0..<hyb_tuple_size(names.pointer) {
                globals.append(PyRef(borrowing: hyb_tuple_item(names.pointer, index)))
            }
        } else {
            PyErr_Clear()
        }
        let index = functions.count
        functions.append(
            FunctionRecord(id: index + 1, file: file, qualname: qualname, line: line, params: params, code: code,
                           globalNames: globals))
        functionsByLocation[key] = index
        functionsByCode[UInt(bitPattern: code.pointer)] = index
        return index
    }

    private func strings(in tuple: PyObjectPointer?) -> [String] {
        guard let tuple, hyb_is_tuple(tuple) != 0 else { return [] }
        return (0..<hyb_tuple_size(tuple)).map { Python.string(hyb_tuple_item(tuple, $0)) ?? "?" }
    }

    /// The line of the function's own instruction that explains an effect ("global:STEP",
    /// "attr:last", "item", "next"), or its def line when a library callee did it.
    func ownLine(of function: Int, key: String) -> Int32 {
        if effectLines[function] == nil {
            var lines: [String: Int] = [:]
            if let mapping = try? effectLinesOf.call(functions[function].code) {
                var position = 0
                var name: PyObjectPointer?
                var value: PyObjectPointer?
                while PyDict_Next(mapping.pointer, &position, &name, &value) != 0 {
                    if let name, let value, let text = Python.string(name) { lines[text] = PyLong_AsLong(value) }
                }
            } else {
                PyErr_Clear()
            }
            effectLines[function] = lines
        }
        return Int32(effectLines[function]?[key] ?? functions[function].line)
    }

    var generatorLastInstruction: PyRef { lastInstructionName }

    // MARK: Test boundaries and TensorFlow

    func beginTest(_ nodeID: String) {
        recording = true
        if let existing = testsByNodeID[nodeID] {
            currentTest = existing
            return
        }
        let record = TestRecord(id: tests.count + 1, nodeID: nodeID)
        tests.append(record)
        testsByNodeID[nodeID] = tests.count - 1
        currentTest = tests.count - 1
    }

    func endTest(_ nodeID: String, outcome: String, duration: Double) {
        guard let index = testsByNodeID[nodeID] else { return }
        tests[index].outcome = outcome
        tests[index].duration = duration
        tests[index].dirty = true
    }

    /// After the test's teardown: the boundary at which everything so far is made durable.
    func finishTest(_ nodeID: String) {
        testsFinished += 1
        currentTest = nil
        recording = recordsOutsideTests
        // Snapshots hold references to dict keys; tests are where a suite lets go of its objects.
        snapshots.removeAll()
        flush()
    }

    func tensorFlowLoaded(version: String, probe: PyRef) {
        graphProbe = probe
        do {
            try database.setTensorFlowVersion(version, run: runID)
        } catch {
            reportWriteFailure(error)
        }
    }

    /// Whether TensorFlow is building a graph (tf.function tracing) on this thread right now.
    func buildingGraph() -> Bool {
        guard let probe = graphProbe else { return false }
        guard let result = PyObject_CallNoArgs(probe.pointer) else {
            PyErr_Clear()
            return false
        }
        defer { hyb_decref(result) }
        return result == hyb_true()
    }

    // MARK: Flushing

    func flushIfDue(now: UInt64) {
        if now &- lastFlush >= 1_000_000_000 {
            flush()
        }
    }

    /// Writes every changed aggregate in one transaction. A failure is reported once and tracing
    /// goes on: the traced program must not die because its trace could not be written.
    func flush() {
        guard ownsDatabase else { return }
        let now = hyb_monotonic_ns()
        let seconds = Double(now &- lastFlush) / 1e9
        let rate = seconds > 0 ? Double(totalCalls - callsAtLastFlush) / seconds : 0
        lastFlush = now
        callsAtLastFlush = totalCalls
        var batch = BatchBuilder(tracer: self).build()
        batch.lines = coverageRows()
        do {
            try database.write(batch, run: runID)
            unwrittenSince = nil
        } catch {
            reportWriteFailure(error)
            // Every row is a cumulative upsert, so the next flush can simply write everything
            // again: a lock released or space freed later loses nothing.
            BatchBuilder(tracer: self).markEverythingUnwritten()
        }
        progress?.update(
            testsDone: testsFinished, testsTotal: testsCollected, functions: functions.count, callsPerSecond: rate)
    }

    func finish(exitStatus: Int32) {
        guard !finished, ownsDatabase else { return }
        finished = true
        flush()
        do {
            try database.finishRun(runID, exitStatus: exitStatus, endedAt: Timestamp.now())
        } catch {
            reportWriteFailure(error)
        }
        // Folding the log into the file only tidies up: readers see the -wal file's batches all
        // the same, so a checkpoint that fails (a full disk) loses nothing.
        try? database.checkpoint()
        progress?.clear()
    }

    /// The cumulative line coverage of every project function that ran, from the settrace
    /// collector in hybridize_runtime.py.
    private func coverageRows() -> [TraceBatch.Lines] {
        guard let coverageLines else { return [] }
        let context = ThreadContext.current
        let wasBusy = context.busy
        context.busy = true
        defer { context.busy = wasBusy }
        guard let rows = try? coverageLines.call(), hyb_is_tuple(rows.pointer) != 0 else {
            PyErr_Clear()
            return []
        }
        var result: [TraceBatch.Lines] = []
        for position in 0..<hyb_tuple_size(rows.pointer) {
            guard let row = hyb_tuple_item(rows.pointer, position), hyb_is_tuple(row) != 0, hyb_tuple_size(row) == 3,
                let code = hyb_tuple_item(row, 0), let function = functionsByCode[UInt(bitPattern: code)]
            else { continue }
            let executable = PyLong_AsLong(hyb_tuple_item(row, 1))
            let coveredTuple = hyb_tuple_item(row, 2)
            var covered: [Int] = []
            if let coveredTuple, hyb_is_tuple(coveredTuple) != 0 {
                for index in 0..<hyb_tuple_size(coveredTuple) { covered.append(PyLong_AsLong(hyb_tuple_item(coveredTuple, index))) }
            }
            result.append(.init(functionID: functions[function].id, executable: executable, covered: covered))
        }
        return result
    }

    private func reportWriteFailure(_ error: Error) {
        if unwrittenSince == nil {
            unwrittenSince = Date()
        }
        lastWriteError = "\(error)"
        guard !writeFailed else { return }
        writeFailed = true
        TracerOutput.write("hybridize: cannot write the trace database, tracing goes on and writing is retried: \(error)\n")
    }
}

enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
