import Foundation

/// Debian's python3, which runs the suite's independent checks: the MIME parser, html.parser,
/// python3-icalendar, python3-jsonschema. Koers's output is read back by code it shares nothing
/// with.
package enum Python {
    package struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var stderr: String
        package var description: String { "python3 \(arguments.first ?? "") exited \(status): \(stderr)" }
    }

    /// The standard output of `python3 arguments`, with `input` on standard input; throws
    /// `Failure` when it exits non-zero. Output goes through files, not pipes: with many tests
    /// running Python at once, a pipe read interrupted by SIGCHLD (EINTR) makes Foundation's
    /// FileHandle trap on Linux.
    package static func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inFile = folder.appendingPathComponent("stdin"), outFile = folder.appendingPathComponent("stdout"),
            errFile = folder.appendingPathComponent("stderr")
        try input.write(to: inFile)
        try Data().write(to: outFile)
        try Data().write(to: errFile)
        let stdin = try FileHandle(forReadingFrom: inFile)
        let stdout = try FileHandle(forWritingTo: outFile), stderr = try FileHandle(forWritingTo: errFile)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus,
                          stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
        }
        return try Data(contentsOf: outFile)
    }

    /// Writes `text` to a temporary file, gives its path to `body`, removes it.
    package static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("koers-python-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
