import CSQLite
import Foundation

/// Errors from SQLite, carrying the database path and the statement or step that failed.
public struct TraceStoreError: Error, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let message: String
    /// SQLite's extended result code, 0 for failures found by hybridize itself.
    public var code: Int32 = 0

    /// The statement is left out where the message already says what went wrong in words.
    public var description: String { operation.isEmpty ? "\(path): \(message)" : "\(path): \(operation): \(message)" }
}

/// SQLITE_TRANSIENT: bound text is copied by SQLite, so Swift strings may die right after binding.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value bound to, or read from, a statement column.
public enum SQLValue: Equatable, Sendable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null
}

/// A thin owner of one sqlite3 handle. Only TraceStore talks SQL.
final class SQLiteConnection {
    let path: String
    private var handle: OpaquePointer?
    private var statementCache: [String: OpaquePointer] = [:]

    /// `immutable` reads a file whose folder is read-only, where SQLite cannot make the -shm file
    /// a WAL database needs: nothing is locked and no log is read, so use it only for a database
    /// with no pending -wal content.
    init(path: String, readOnly: Bool = false, immutable: Bool = false) throws {
        self.path = path
        var opened: OpaquePointer?
        var flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        var name = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            name = "file:\(encoded)?immutable=1"
        }
        let status = sqlite3_open_v2(name, &opened, flags, nil)
        handle = opened
        if status != SQLITE_OK {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            let explained = Self.explanation(of: status, systemError: opened.map { sqlite3_system_errno($0) } ?? 0,
                                             path: path, readOnly: readOnly)
            sqlite3_close(opened)
            handle = nil
            throw TraceStoreError(path: path, operation: explained == nil ? "open" : "",
                                  message: explained.map { "\($0) (\(message))" } ?? message, code: status)
        }
        sqlite3_busy_timeout(opened, Int32(Self.lockWaitMilliseconds))
    }

    deinit {
        for statement in statementCache.values {
            sqlite3_finalize(statement)
        }
        sqlite3_close(handle)
    }

    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &errorMessage) != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastError
            sqlite3_free(errorMessage)
            throw failure(String(sql.prefix(80)), message: message)
        }
    }

    /// Runs a statement once per row of bindings, reusing one prepared statement.
    func run(_ sql: String, _ bindings: [SQLValue]) throws {
        let statement = try prepared(sql)
        try bind(bindings, to: statement, sql: sql)
        let status = sqlite3_step(statement)
        sqlite3_reset(statement)
        if status != SQLITE_DONE && status != SQLITE_ROW {
            throw failure(String(sql.prefix(80)), message: lastError)
        }
    }

    func query(_ sql: String, _ bindings: [SQLValue] = []) throws -> [[SQLValue]] {
        let statement = try prepared(sql)
        try bind(bindings, to: statement, sql: sql)
        defer { sqlite3_reset(statement) }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw failure(String(sql.prefix(80)), message: lastError)
            }
            let columns = sqlite3_column_count(statement)
            rows.append((0..<columns).map { column(statement, $0) })
        }
        return rows
    }

    func transaction(_ body: () throws -> Void) throws {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    /// How long a statement waits for another process's lock before it fails:
    /// HYBRIDIZE_DATABASE_WAIT seconds, 10 by default (two shards writing one database take turns
    /// well within that).
    static let lockWaitMilliseconds: Int = {
        let seconds = ProcessInfo.processInfo.environment["HYBRIDIZE_DATABASE_WAIT"].flatMap(Double.init) ?? 10
        return Int(max(0, min(seconds, 3_600)) * 1_000)
    }()

    /// The error of the statement that just failed, in words a user can act on, SQLite's own
    /// message kept after them.
    private func failure(_ operation: String, message: String) -> TraceStoreError {
        guard let handle else { return TraceStoreError(path: path, operation: operation, message: message) }
        let code = sqlite3_extended_errcode(handle)
        let explained = Self.explanation(of: code, systemError: sqlite3_system_errno(handle), path: path, readOnly: false)
        return TraceStoreError(path: path, operation: explained == nil ? operation : "",
                               message: explained.map { "\($0) (\(message))" } ?? message, code: code)
    }

    static func explanation(of code: Int32, systemError: Int32, path: String, readOnly: Bool) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            let seconds = Double(lockWaitMilliseconds) / 1_000
            return "locked by another process (a trace or merge still writing it?); gave up after waiting "
                + (seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)") + " s (HYBRIDIZE_DATABASE_WAIT)"
        case SQLITE_FULL:
            return "the disk is full, or a file size limit was reached"
        case SQLITE_READONLY:
            return "the database file (or its folder, for the -wal and -shm files beside it) is read-only"
        case SQLITE_CANTOPEN:
            if readOnly { return "cannot open it for reading" }
            return "cannot open or create it: is the folder \(folder.isEmpty ? "." : folder) there and writable?"
        case SQLITE_NOTADB:
            return "not an SQLite database"
        case SQLITE_CORRUPT:
            return "the database file is corrupt"
        case SQLITE_PERM, SQLITE_AUTH:
            return "permission denied"
        case SQLITE_IOERR:
            if systemError == ENOSPC || systemError == EFBIG || systemError == EDQUOT {
                return "the disk is full, or a file size limit was reached"
            }
            if systemError != 0 {
                return "an I/O error: \(String(cString: strerror(systemError)))"
            }
            // A write cut short by a full disk or RLIMIT_FSIZE leaves errno unset.
            // SQLITE_IOERR_WRITE, _FSYNC, _TRUNCATE and _SHMSIZE (macros Swift does not import).
            let writing = [3, 4, 6, 19].map { SQLITE_IOERR | Int32($0 << 8) }
            return writing.contains(code) ? "could not write to the disk: is it full, or a file size limit reached?" : "an I/O error"
        default:
            return nil
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statementCache[sql] {
            return cached
        }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw TraceStoreError(path: path, operation: "prepare \(sql.prefix(80))", message: lastError)
        }
        statementCache[sql] = statement
        return statement
    }

    private func bind(_ values: [SQLValue], to statement: OpaquePointer, sql: String) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .real(let number): status = sqlite3_bind_double(statement, index, number)
            case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, transientDestructor)
            case .null: status = sqlite3_bind_null(statement, index)
            }
            if status != SQLITE_OK {
                throw TraceStoreError(path: path, operation: "bind \(sql.prefix(60))", message: lastError)
            }
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, index) else { return .null }
            return .text(String(cString: text))
        }
    }
}

extension SQLValue {
    public var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    public var text: String? { if case .text(let value) = self { return value } else { return nil } }
    public var real: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
}
