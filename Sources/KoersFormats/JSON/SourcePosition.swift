/// A place in a source file, as people and editors count it: 1-based line and column.
///
/// The column counts Unicode scalars from the start of the line (not bytes, not grapheme
/// clusters): "é" or "€" count as one column although they take two or three UTF-8 bytes,
/// so the column matches what an editor shows for ordinary text. A tab counts as one column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a document, 1:1.
    public static let start = SourcePosition(line: 1, column: 1)

    /// "No position": 0:0, used for values built in code rather than parsed from a file.
    public static let zero = SourcePosition(line: 0, column: 0)

    /// `line:column`, e.g. "3:17", the shape of `file:line:column` locations.
    public var description: String { "\(line):\(column)" }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
