/// One header field being written, folded so that its lines stay within 78 characters where the
/// tokens allow it (RFC 5322 §2.1.1).
///
/// A fold is a CRLF inserted before the space that precedes a token, so unfolding gives back the
/// same text. There is no fold before the first token: a field body starting on a continuation
/// line confuses some readers. Tokens are at most 257 characters (a bracketed address and a
/// comma) and field names at most 76, so no line comes near the hard limit of 998.
struct MailHeaderLine {
    static let preferredLength = 78

    private var lines: [String] = []
    private var line: String
    private var lineHasToken = false

    init(name: String) {
        line = name + ":"
    }

    /// Characters left for a token placed after one space on the current line.
    var roomHere: Int { MailHeaderLine.preferredLength - line.utf8.count - 1 }

    /// Characters a token has after a fold: the line then holds only the space before it.
    static let roomAfterFold = preferredLength - 1

    /// Whether a token that does not fit here may move to a new line.
    var canFold: Bool { lineHasToken }

    /// Appends a space and `token` (ASCII, no spaces a decoder must keep), folding first when the
    /// token does not fit on the current line.
    mutating func append(_ token: String) {
        if canFold && token.utf8.count > roomHere {
            lines.append(line)
            line = ""
        }
        line += " " + token
        lineHasToken = true
    }

    /// The field with CRLF after every line.
    var text: String {
        (lines + [line]).map { $0 + "\r\n" }.joined()
    }
}
