import Foundation
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("File descriptors: whole reads and writes, whatever the system calls do")
struct FileDescriptorTests {
    let fixture = Fixture()

    @Test("a write to a pipe with a slow reader, cut short again and again by signals, delivers every byte in order")
    func shortWrites() async throws {
        let pipe = try namedPipe(in: fixture.folder)
        let bytes = pattern(4 << 20)
        let before = interruptions.load(ordering: .relaxed)
        let (written, received, sent) = try await offThePool {
            let reader = InterruptibleThread { () -> [UInt8] in
                var received: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = chunk.withUnsafeMutableBytes { read(pipe.read.rawValue, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    received += chunk[0..<n]
                    usleep(20)
                }
                return received
            }
            let writer = InterruptibleThread { () throws(FileError) in try pipe.write.writeAll(bytes) }
            let sent = writer.interruptUntilFinished(every: .microseconds(300))
            let written = writer.join()
            try pipe.write.close()
            return (written, reader.join(), sent)
        }
        try pipe.read.close()
        #expect(throws: Never.self) { try written.get() }
        #expect(sent > 0 && interruptions.load(ordering: .relaxed) > before, "the writer was interrupted")
        let got = try received.get()
        // A Bool: Swift Testing would diff two differing 4 MiB arrays for a very long time.
        let same = got == bytes
        #expect(got.count == bytes.count)
        #expect(same, "the bytes arrived in another order")
    }

    @Test("a write interrupted (EINTR) before a byte went through is tried again")
    func interruptedWrite() async throws {
        let pipe = try namedPipe(in: fixture.folder)
        // Fill the pipe, so that the next write waits before it moves a byte.
        _ = fcntl(pipe.write.rawValue, F_SETFL, O_NONBLOCK)
        var filled = 0
        let block = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = block.withUnsafeBytes { write(pipe.write.rawValue, $0.baseAddress, $0.count) }
            if n < 0 { break }
            filled += n
        }
        _ = fcntl(pipe.write.rawValue, F_SETFL, 0)
        let message = pattern(1000)
        let before = interruptions.load(ordering: .relaxed)
        let (written, received) = try await offThePool {
            let writer = InterruptibleThread { () throws(FileError) in try pipe.write.writeAll(message) }
            for _ in 0..<5 {
                usleep(20_000)
                writer.interrupt()
            }
            let reader = InterruptibleThread { () throws(FileError) in try pipe.read.readAll(limit: 1 << 20) }
            let written = writer.join()
            try pipe.write.close()
            return (written, reader.join())
        }
        try pipe.read.close()
        #expect(throws: Never.self) { try written.get() }
        #expect(interruptions.load(ordering: .relaxed) >= before + 5, "the writer was interrupted")
        let got = try received.get()
        #expect(got.count == filled + message.count)
        #expect(Array(got.suffix(message.count)) == message)
    }

    @Test("readAll reads far more than its first buffer holds, up to the end")
    func largeRead() async throws {
        let pipe = try namedPipe(in: fixture.folder)
        let bytes = pattern((1 << 20) + 1)
        let received = try await offThePool {
            let writer = InterruptibleThread { () throws(FileError) in
                try pipe.write.closeAfter { () throws(FileError) in try pipe.write.writeAll(bytes) }
            }
            let received = try pipe.read.closeAfter { () throws(FileError) in try pipe.read.readAll(limit: 2 << 20) }
            _ = writer.join()
            return received
        }
        let same = received == bytes
        #expect(received.count == bytes.count)
        #expect(same)

        let path = fixture.folder + "/large"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try FileDescriptor.readFile(path, limit: 2 << 20) == bytes
        #expect(read)
    }

    @Test("more than the limit is refused without reading on: a pipe, /dev/zero, a regular file")
    func limit() throws {
        let pipe = try namedPipe(in: fixture.folder)
        try pipe.write.writeAll(pattern(1100))
        try pipe.write.close()
        #expect(throws: FileError(path: pipe.read.path, operation: .read, cause: .tooLarge(size: 1001, limit: 1000))) {
            try pipe.read.closeAfter { () throws(FileError) in try pipe.read.readAll(limit: 1000) }
        }

        let zero = try FileDescriptor.open("/dev/zero", .readOnly)
        #expect(throws: FileError(path: "/dev/zero", operation: .read, cause: .tooLarge(size: (1 << 20) + 1, limit: 1 << 20))) {
            try zero.closeAfter { () throws(FileError) in try zero.readAll(limit: 1 << 20) }
        }
        #expect(throws: FileError(path: "/dev/zero", operation: .read, cause: .notRegularFile)) {
            try FileDescriptor.readFile("/dev/zero", limit: 1 << 20)
        }

        let path = fixture.write("file", String(repeating: "x", count: 1000))
        #expect(try FileDescriptor.readFile(path, limit: 1000).count == 1000)
        #expect(throws: FileError(path: path, operation: .read, cause: .tooLarge(size: 1000, limit: 999))) {
            try FileDescriptor.readFile(path, limit: 999)
        }
        #expect(throws: FileError(path: fixture.folder, operation: .read, cause: .folder)) {
            try FileDescriptor.readFile(fixture.folder, limit: 999)
        }
    }

    @Test("closeAfter rethrows the body's error, not the close's; after a body that succeeded, the close's")
    func closeAfter() throws {
        // -1 is never open, so closing it fails (EBADF) without touching another test's descriptor.
        let unopened = FileDescriptor(rawValue: -1, path: "nothing")
        let bodyError = FileError(path: "nothing", operation: .write, cause: .system(ENOSPC))
        #expect(throws: bodyError) {
            try unopened.closeAfter { () throws(FileError) in throw bodyError }
        }
        #expect(throws: FileError(path: "nothing", operation: .close, cause: .system(EBADF))) {
            try unopened.closeAfter { () throws(FileError) in 42 }
        }

        let path = fixture.write("file", "inhoud")
        let file = try FileDescriptor.open(path, .readOnly)
        #expect(throws: FileError(path: path, operation: .write, cause: .system(EBADF))) {
            try file.closeAfter { () throws(FileError) in try file.writeAll([1]) }
        }
    }

    @Test("an anonymous file leaves no name behind and reads back what was written")
    func anonymousFile() throws {
        let file = try FileDescriptor.anonymousFile(in: fixture.folder, prefix: "koers-test-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder) == [])
        let back = try file.closeAfter { () throws(FileError) -> [UInt8] in
            try file.writeAll(pattern(10_000))
            try file.seek(to: 0)
            return try file.readAll(limit: 20_000)
        }
        #expect(back == pattern(10_000))
    }

    @Test("an open file description lock is held against every other open, and asking about it takes none")
    func openFileDescriptionLock() throws {
        let path = fixture.write("lock", "")
        let first = try FileDescriptor.open(path, .readWrite)
        let second = try FileDescriptor.open(path, .readWrite)
        let observer = try FileDescriptor.open(path, .readOnly)
        #expect(try first.tryLockOpenFileDescription())
        #expect(try !second.tryLockOpenFileDescription())
        #expect(try observer.isLockedByOpenFileDescription())
        try first.close()
        #expect(try !observer.isLockedByOpenFileDescription())
        #expect(try second.tryLockOpenFileDescription())
        try second.close()
        try observer.close()
    }
}
