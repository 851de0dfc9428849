import Foundation
import Glibc
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("Datagram sockets: one datagram to a named or abstract Unix socket")
struct DatagramSocketTests {
    let fixture = Fixture()

    /// A bound receiving socket; `name` starts with a NUL for an abstract one.
    func receiver(_ name: [UInt8]) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + name.count)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        try #require(bound == 0, "bind: \(String(cString: strerror(errno)))")
        return fd
    }

    func receive(_ fd: Int32) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        return n < 0 ? [] : Array(buffer[0..<n])
    }

    @Test("a datagram reaches a socket by its path, and one by an abstract name written with @")
    func send() throws {
        let path = fixture.folder + "/notify"
        let named = try receiver(Array(path.utf8) + [0])
        defer { close(named) }
        try DatagramSocket.send(Array("READY=1\nSTATUS=idle".utf8), to: path)
        #expect(receive(named) == Array("READY=1\nSTATUS=idle".utf8))

        let abstract = "koers-test-\(UUID().uuidString)"
        let unnamed = try receiver([0] + Array(abstract.utf8))
        defer { close(unnamed) }
        try DatagramSocket.send(Array("STOPPING=1".utf8), to: "@" + abstract)
        #expect(receive(unnamed) == Array("STOPPING=1".utf8))
    }

    @Test("no socket at the path, or a path too long for an address, is an error naming the path")
    func failures() {
        let missing = fixture.folder + "/missing"
        #expect(throws: FileError(path: missing, operation: .send, cause: .system(ENOENT))) {
            try DatagramSocket.send([1], to: missing)
        }
        let long = "/" + String(repeating: "x", count: 200)
        #expect(throws: FileError(path: long, operation: .send, cause: .system(ENAMETOOLONG))) {
            try DatagramSocket.send([1], to: long)
        }
    }

    @Test("a shut down socket reads as ended at its peer, and stays open for its owner to close")
    func shutDown() throws {
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        let mine = FileDescriptor(rawValue: ends[0], path: "connection"), peer = FileDescriptor(rawValue: ends[1], path: "peer")
        try mine.shutDown()
        #expect(try peer.readAll(limit: 100) == [], "the peer reads the end at once")
        #expect(throws: FileError(path: "connection", operation: .write, cause: .system(EPIPE))) {
            Signals.ignore(.brokenPipe)
            try mine.writeAll([1])
        }
        try mine.close()
        try peer.close()
    }
}
