import CPython
import CPythonShim
import Foundation
import PythonRuntime
import TraceStore

/// One `hybridize trace` run: starts the embedded interpreter on the project's virtualenv,
/// installs the hook, runs the command, and leaves a complete trace database.
public struct TraceSession {
    public struct Options: Sendable {
        public var command: TracedCommand
        public var python: String
        public var runtimeDirectory: String
        public var databasePath: String
        public var root: String
        public var includeGlobs: [String] = []
        public var shard: Shard?
        public var hook: HookDesign = .frameEvaluation
        public var showProgress: Bool = true
        /// Record line coverage of project functions (sys.settrace: slower, so asked for).
        public var coverage = false
        /// Interrupt the command after this many seconds (`trace --timeout`).
        public var timeout: Double?
        /// How long an interrupted command has to end before it is ended for it.
        public var gracePeriod: Double = 10

        public init(command: TracedCommand, python: String, runtimeDirectory: String, databasePath: String, root: String) {
            self.command = command
            self.python = python
            self.runtimeDirectory = runtimeDirectory
            self.databasePath = databasePath
            self.root = root
        }
    }

    /// What the closing summary reports.
    public struct Outcome: Sendable {
        public var exitStatus: Int32
        public var runID: Int
        public var totals: TraceDatabase.Totals
        public var databaseBytes: Int
        public var tensorFlowFound: Bool
        /// Set when a signal or the timeout stopped the command.
        public var interruption: Interruption?
        public var untracedChildren: UntracedChildren
        /// Set when the last writes failed: the database lacks what was recorded after that.
        public var writeFailure: WriteFailure?
    }

    /// Writes to the database that kept failing up to the end of the run.
    public struct WriteFailure: Sendable {
        public var since: Date
        public var error: String
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs the command; throws `EnvironmentProblem` when the interpreter or TensorFlow is missing.
    public func run() throws -> Outcome {
        TracerOutput.claim()
        CrashNotice.install(databasePath: options.databasePath)
        try EmbeddedInterpreter.start(python: options.python, argv: options.command.argv)
        guard EmbeddedInterpreter.canFind(module: "tensorflow") else {
            throw EnvironmentProblem(
                "TensorFlow is not installed for \(options.python); run Runtime/bootstrap (or pip install -r Runtime/requirements.txt in that virtualenv)")
        }
        let database = try TraceDatabase(path: options.databasePath)
        // Every Python reference lives inside `traceCommand`, so none outlives the interpreter.
        let traced = try traceCommand(into: database)
        _ = EmbeddedInterpreter.finalize()
        let totals = try database.totals(run: traced.runID)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: options.databasePath)[.size] as? Int) ?? 0
        return Outcome(exitStatus: traced.exitStatus, runID: traced.runID, totals: totals, databaseBytes: bytes,
                       tensorFlowFound: traced.tensorFlowFound, interruption: traced.interruption,
                       untracedChildren: traced.untracedChildren, writeFailure: traced.writeFailure)
    }

    private struct Traced {
        var exitStatus: Int32
        var runID: Int
        var tensorFlowFound: Bool
        var interruption: Interruption?
        var untracedChildren: UntracedChildren
        var writeFailure: WriteFailure?
    }

    private func traceCommand(into database: TraceDatabase) throws -> Traced {
        let sys = try Python.importModule("sys")
        let path = try sys.attribute("path")
        let runtimeEntry = try Python.makeString(options.runtimeDirectory)
        guard withExtendedLifetime(runtimeEntry, { PyList_Insert(path.pointer, 0, runtimeEntry.pointer) }) == 0 else {
            throw PythonError.fetch(context: "sys.path")
        }
        try HybridizeModule.register()
        let helpers = try Python.importModule("hybridize_runtime")
        let prefix = try sys.attribute("prefix").text ?? ""
        let filter = ProjectFilter(
            root: options.root, excludedPrefixes: [prefix, options.runtimeDirectory], includeGlobs: options.includeGlobs)
        let runID = try database.beginRun(
            RunInfo(command: options.command.displayText, root: options.root, pythonVersion: EmbeddedInterpreter.version,
                    tensorflowVersion: nil, hook: options.hook.rawValue, shard: options.shard?.description,
                    startedAt: Timestamp.now()))
        let tracer = try Tracer(
            filter: filter, database: database, runID: runID, helpers: helpers,
            progress: options.showProgress ? ProgressLine() : nil,
            recordsOutsideTests: (options.shard?.index ?? 1) == 1)

        codeExtraIndex = hyb_request_code_extra_index()
        Tracer.active = tracer
        defer { Tracer.active = nil }
        _ = try helpers.attribute("install").call()
        SignalRelay.install()
        if options.hook == .profile {
            _ = try Python.importModule("threading").attribute("setprofile")
                .call(try Python.importModule("_hybridize").attribute("install_profile"))
        }
        AuditEvents.install()
        if options.coverage {
            _ = try helpers.attribute("enable_coverage").call()
            tracer.coverageLines = try helpers.attribute("coverage_lines")
        }
        HookInstaller.install(options.hook)
        let timer = FlushTimer(tracer: tracer)
        timer.start()
        let watchdog = RunWatchdog(settings: .init(
            timeout: options.timeout, gracePeriod: options.gracePeriod, databasePath: options.databasePath, runID: runID))
        tracer.watchdog = watchdog
        watchdog.start()
        let runner = options.command.runnerArguments
        let status = try helpers.attribute("run").call(
            try Python.makeString(runner.command), try Python.makeList(runner.arguments),
            try Python.makeInt((options.shard?.index ?? 1) - 1), try Python.makeInt(options.shard?.count ?? 1))
        if !tracer.ownsDatabase {
            // A forked child that returned instead of calling os._exit (a test calling sys.exit
            // after os.fork) ran the rest of the session a second time: it must not go on to
            // summarise or touch the parent's database.
            _exit(Int32(truncatingIfNeeded: PyLong_AsLong(status.pointer)))
        }
        // An interrupted pytest session exits 2 like any other; the run records why it ended.
        let exitStatus = tracer.interruption?.exitStatus ?? Int32(truncatingIfNeeded: PyLong_AsLong(status.pointer))
        HookInstaller.uninstall(options.hook)
        timer.stop()
        if case .pytest = options.command {} else if let test = tracer.currentTest {
            // A script or module is one "test": its outcome is its exit status.
            tracer.endTest(tracer.tests[test].nodeID, outcome: exitStatus == 0 ? "passed" : "failed", duration: 0)
            tracer.finishTest(tracer.tests[test].nodeID)
        }
        if tracer.interruption != nil, let test = tracer.currentTest, tracer.tests[test].outcome == nil {
            // pytest reports nothing for the test it was stopped in.
            tracer.endTest(tracer.tests[test].nodeID, outcome: "interrupted", duration: 0)
            tracer.finishTest(tracer.tests[test].nodeID)
        }
        tracer.finish(exitStatus: exitStatus)
        // Only now: the grace period covers the final flush too.
        watchdog.stop()
        return Traced(exitStatus: exitStatus, runID: runID, tensorFlowFound: tracer.graphProbe != nil,
                      interruption: tracer.interruption, untracedChildren: tracer.untracedChildren,
                      writeFailure: tracer.unwrittenSince.map { WriteFailure(since: $0, error: tracer.lastWriteError ?? "?") })
    }
}
