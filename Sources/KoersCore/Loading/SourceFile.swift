import Foundation

/// Reads and parses one JSON file, turning every way it can fail into a diagnostic with the file name
/// and, for malformed JSON, the line and column.
enum SourceFile {
    static func parse(_ path: String, log: DiagnosticLog) -> JSONNode? {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                log.error(isDirectory.boolValue ? "is a folder; expected a JSON file"
                                                : "cannot be read (check its permissions)")
            } else {
                log.error("no such file")
            }
            return nil
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            log.append(Diagnostic(.error, file: log.file, position: error.position,
                                  "malformed JSON: \(error.kind)"))
            return nil
        }
    }
}
