import Glibc

extension FileDescriptor {
    /// Everything from the current offset to the end, however many reads that takes. More than
    /// `limit` bytes is `.tooLarge`, found without reading past `limit + 1` bytes, so a huge file
    /// or `/dev/zero` costs no memory.
    public func readAll(limit: Int) throws(FileError) -> [UInt8] {
        // A regular file says its size: one read fills the buffer, the next finds the end.
        let expected = (try? status()).flatMap { $0.kind == .regular && $0.size > 0 ? $0.size : nil } ?? 4096
        var bytes = [UInt8](repeating: 0, count: min(expected, limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw FileError(path: path, operation: .read, cause: .tooLarge(size: count, limit: limit)) }
                bytes += repeatElement(0, count: min(bytes.count, limit + 1 - count))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(rawValue, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(path, .read)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The whole content of the regular file at `path`. A folder, device, pipe or socket is
    /// refused, and so is a file larger than `limit`, before anything is read; `.nonBlocking` in
    /// `options` keeps a named pipe from blocking the open.
    public static func readFile(_ path: String, limit: Int, options: OpenOptions = []) throws(FileError) -> [UInt8] {
        let file = try open(path, .readOnly, options: options)
        return try file.closeAfter { () throws(FileError) -> [UInt8] in
            let status = try file.status()
            switch status.kind {
            case .regular: break
            case .folder: throw FileError(path: path, operation: .read, cause: .folder)
            case .symbolicLink, .other: throw FileError(path: path, operation: .read, cause: .notRegularFile)
            }
            guard status.size <= limit else {
                throw FileError(path: path, operation: .read, cause: .tooLarge(size: status.size, limit: limit))
            }
            return try file.readAll(limit: limit)
        }
    }
}
