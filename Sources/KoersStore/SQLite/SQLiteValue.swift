/// One SQLite storage class with its value, copied out of SQLite.
///
/// The store speaks only these five types so that callers never see raw
/// pointers; mapping to domain types belongs to the layer above.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}
