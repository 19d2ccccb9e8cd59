import Foundation

/// Why a traced run stopped before its command finished on its own.
public enum Interruption: Equatable, Sendable {
    /// SIGINT or SIGTERM from outside (Ctrl-C, a CI runner cancelling the job, `kill`).
    case signal(Int32)
    /// `trace --timeout SECONDS` ran out.
    case timeout(seconds: Double)

    /// The exit status recorded for the run, as a shell or coreutils' `timeout` would report it.
    public var exitStatus: Int32 {
        switch self {
        case .signal(let number): 128 + number
        case .timeout: 124
        }
    }

    public var description: String {
        switch self {
        case .signal(SIGINT): "interrupted by SIGINT"
        case .signal(SIGTERM): "stopped by SIGTERM"
        case .signal(let number): "stopped by signal \(number)"
        case .timeout(let seconds): "stopped by --timeout after \(Self.secondsText(seconds))"
        }
    }

    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}

/// The line that says a traced command failed (hybridize then exits 4, SPEC §8), from `trace`'s
/// summary or, for `os._exit`, from the hook before the process goes.
public func tracedCommandFailedLine(_ how: String, database: String, runID: Int) -> String {
    "hybridize: the traced command \(how); \(database) keeps every call recorded before it (run \(runID))\n"
}

/// Processes the traced command started, none of them traced: a forked child would share the
/// parent's SQLite connection (SQLite forbids using one across fork()), and a new interpreter
/// (subprocess, multiprocessing's spawn, exec) has no hook.
public struct UntracedChildren: Equatable, Sendable {
    public var forked = 0
    public var started = 0
    public var replaced = 0

    public var total: Int { forked + started + replaced }

    /// "2 forked, 1 subprocess".
    public var description: String {
        var parts: [String] = []
        if forked > 0 { parts.append("\(forked) forked") }
        if started > 0 { parts.append("\(started) subprocess\(started == 1 ? "" : "es")") }
        if replaced > 0 { parts.append("\(replaced) exec") }
        return parts.joined(separator: ", ")
    }
}

extension Tracer {
    /// Called by the Python signal handler (hybridize_runtime.Interrupted): decides why the run is
    /// being stopped (a timeout arrives as SIGTERM from the watchdog). The watchdog has seen the
    /// signal through `SignalRelay` and already counts the grace period.
    func noteInterruption(signal number: Int32) -> Interruption {
        if interruption == nil {
            if let seconds = watchdog?.timedOutAfter {
                interruption = .timeout(seconds: seconds)
            } else {
                interruption = .signal(number)
            }
        }
        return interruption ?? .signal(number)
    }

    /// A process-starting audit event (os.fork, subprocess.Popen, os.system, os.posix_spawn,
    /// os.spawn, os.exec) raised on any thread.
    func noteChild(event: String) {
        switch event {
        case "os.fork": untracedChildren.forked += 1
        case "os.exec":
            untracedChildren.replaced += 1
            // exec replaces this process image: whatever is not written now is lost.
            flush()
        default: untracedChildren.started += 1
        }
    }

    /// In the child of a fork: the hook stops recording, and nothing is ever written from here.
    func detachAfterFork() {
        Tracer.active = nil
    }

    /// Whether this is the process that opened the database (not a fork child of it).
    var ownsDatabase: Bool { getpid() == ownerProcess }
}
