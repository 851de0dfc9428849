/// One result row, fully copied out of SQLite so it stays valid after the
/// statement steps on, is reset or is finalized.
public struct Row: Sendable, Equatable {
    /// Column names as SQLite reports them (the `AS` alias when present).
    public let columnNames: [String]
    /// Values in column order.
    public let values: [SQLiteValue]

    init(columnNames: [String], values: [SQLiteValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    public var count: Int { values.count }

    /// The value at a 0-based column index. Out of range is a programming error.
    public subscript(index: Int) -> SQLiteValue {
        values[index]
    }

    /// The value of the first column with this name (case-insensitive, like SQL).
    /// An unknown name is a programming error and traps, so typos do not read as NULL.
    public subscript(name: String) -> SQLiteValue {
        values[index(of: name)]
    }

    /// Text, or nil for NULL or a non-text value.
    public func text(_ i: Int) -> String? {
        if case let .text(s) = values[i] { return s }
        return nil
    }

    /// Integer, or nil for NULL or a non-integer value.
    public func int(_ i: Int) -> Int64? {
        if case let .integer(n) = values[i] { return n }
        return nil
    }

    /// Double (integers are widened), or nil for NULL, text or blob.
    public func double(_ i: Int) -> Double? {
        switch values[i] {
        case let .real(d): return d
        case let .integer(n): return Double(n)
        default: return nil
        }
    }

    /// Bytes, or nil for NULL or a non-blob value.
    public func blob(_ i: Int) -> [UInt8]? {
        if case let .blob(b) = values[i] { return b }
        return nil
    }

    public func isNull(_ i: Int) -> Bool { values[i] == .null }

    public func text(_ name: String) -> String? { text(index(of: name)) }
    public func int(_ name: String) -> Int64? { int(index(of: name)) }
    public func double(_ name: String) -> Double? { double(index(of: name)) }
    public func blob(_ name: String) -> [UInt8]? { blob(index(of: name)) }
    public func isNull(_ name: String) -> Bool { isNull(index(of: name)) }

    private func index(of name: String) -> Int {
        let wanted = name.lowercased()
        guard let i = columnNames.firstIndex(where: { $0.lowercased() == wanted }) else {
            preconditionFailure("no column named '\(name)' in row with columns \(columnNames)")
        }
        return i
    }
}
