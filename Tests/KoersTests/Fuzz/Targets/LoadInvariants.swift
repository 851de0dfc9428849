@testable import KoersFormats

/// What holds for every diagnostic of every loader: it says something, a problem in a file's
/// content (one with a JSON path) has a line and column, and a position points into the file it
/// names. No list of valid values is empty.
enum LoadInvariants {
    static func check(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) throws(FuzzFailure) {
        for diagnostic in diagnostics {
            try require(!diagnostic.message.isEmpty, "a diagnostic without a message: \(diagnostic)")
            try require(!diagnostic.message.hasSuffix("one of: "), "a list of valid values with nothing in it: \(diagnostic)")
            try require(diagnostic.path == nil || diagnostic.position != nil, "a JSON path without a line and column: \(diagnostic)")
            guard let position = diagnostic.position else { continue }
            guard let bytes = files[diagnostic.file] else {
                throw FuzzFailure(description: "a position in a file that was never read: \(diagnostic)")
            }
            let lines = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
            try require(position.line >= 1 && position.line <= lines && position.column >= 1
                        && position.column <= bytes.count + 1,
                        "position outside the file (\(lines) lines, \(bytes.count) bytes): \(diagnostic)")
        }
    }
}
