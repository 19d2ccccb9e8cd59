import CSQLite

/// Errors from SQLite, carrying the database path and the statement or step that failed.
public struct TraceStoreError: Error, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let message: String

    public var description: String { "\(path): \(operation): \(message)" }
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

    init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &opened, flags, nil)
        handle = opened
        if status != SQLITE_OK {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(opened)
            handle = nil
            throw TraceStoreError(path: path, operation: "open", message: message)
        }
        sqlite3_busy_timeout(opened, 10_000)
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
            throw TraceStoreError(path: path, operation: String(sql.prefix(80)), message: message)
        }
    }

    /// Runs a statement once per row of bindings, reusing one prepared statement.
    func run(_ sql: String, _ bindings: [SQLValue]) throws {
        let statement = try prepared(sql)
        try bind(bindings, to: statement, sql: sql)
        let status = sqlite3_step(statement)
        sqlite3_reset(statement)
        if status != SQLITE_DONE && status != SQLITE_ROW {
            throw TraceStoreError(path: path, operation: String(sql.prefix(80)), message: lastError)
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
                throw TraceStoreError(path: path, operation: String(sql.prefix(80)), message: lastError)
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
