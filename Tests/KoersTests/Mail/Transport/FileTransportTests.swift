import Foundation
@testable import KoersMail
@testable import KoersModel
import KoersTestSupport
import Testing

/// A fresh temporary folder per test, removed afterwards.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("koers-mail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// All names in the folder, hidden ones included, sorted.
    func names(in sub: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path + sub).sorted()
    }

    func mode(of name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + name)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
    }
}

func writeToFolder(_ folder: String, _ messages: [[UInt8]]) async throws -> [DeliveryOutcome] {
    try await offThePool {
        let session = FileTransport(folder: folder).openSession()
        defer { session.close() }
        return messages.map { session.send(from: "koers@koers.example", to: "c.jansen@example.org", message: $0) }
    }
}

@Suite("file transport")
struct FileTransportTests {
    @Test("a message is written as MESSAGE-ID.eml, mode 0600, byte for byte, with no temporary file left")
    func writesEML() async throws {
        let folder = try TemporaryFolder()
        let outcomes = try await writeToFolder(folder.path, [TransportFixtures.message])

        let name = "20241015.zelfscan.c.jansen@koers.example.eml"
        #expect(outcomes == [.accepted(response: "written to \(folder.path)/\(name)")])
        #expect(try folder.names() == [name])
        #expect(try folder.mode(of: name) == 0o600)
        #expect(try folder.bytes(of: name) == TransportFixtures.message)
    }

    @Test("the same message twice gives one file; the second send is accepted without writing")
    func idempotent() async throws {
        let folder = try TemporaryFolder()
        let outcomes = try await writeToFolder(folder.path, [TransportFixtures.message, TransportFixtures.message])

        #expect(outcomes.map(\.kind) == [.accepted, .accepted])
        #expect(outcomes[1].response.hasPrefix("already written to "))
        #expect(try folder.names().count == 1)
    }

    @Test("a different message with the same Message-ID never overwrites the first one")
    func neverOverwrites() async throws {
        let folder = try TemporaryFolder()
        let first = Array("Message-ID: <same@koers.example>\r\nSubject: een\r\n\r\nEen\r\n".utf8)
        let second = Array("Message-ID: <same@koers.example>\r\nSubject: twee\r\n\r\nTwee\r\n".utf8)
        let outcomes = try await writeToFolder(folder.path, [first, second, second])

        #expect(outcomes.map(\.kind) == [.accepted, .accepted, .accepted])
        let names = try folder.names()
        #expect(names.count == 2)
        #expect(try folder.bytes(of: "same@koers.example.eml") == first)
        let other = try #require(names.first { $0 != "same@koers.example.eml" })
        #expect(other.hasPrefix("same@koers.example-") && other.hasSuffix(".eml"))
        #expect(try folder.bytes(of: other) == second)
    }

    @Test("without a Message-ID the name is the message's SHA-256")
    func hashName() async throws {
        let folder = try TemporaryFolder()
        let message = Array("Subject: zonder id\r\n\r\nTekst\r\n".utf8)
        _ = try await writeToFolder(folder.path, [message])
        #expect(try folder.names() == [SHA256.hex(SHA256.hash(message)) + ".eml"])
    }

    @Test("a Message-ID cannot escape the folder or hide the file")
    func hostileMessageID() {
        let message = Array("Message-Id: <../../etc/passwd x>\r\n\r\nTekst\r\n".utf8)
        let name = FileTransport.baseName(for: message)
        #expect(!name.contains("/"))
        #expect(!name.hasPrefix("."))
        #expect(name == "_._.._etc_passwd_x")
        // A folded header is unfolded; a Message-ID in the body does not count.
        #expect(FileTransport.baseName(for: Array("Subject: x\r\nMessage-ID:\r\n <folded@koers.example>\r\n\r\n".utf8))
                == "folded@koers.example")
        let body = Array("Subject: x\r\n\r\nMessage-ID: <in-body@x>\r\n".utf8)
        #expect(FileTransport.baseName(for: body) == SHA256.hex(SHA256.hash(body)))
    }

    @Test("a missing folder is created, readable by its owner only")
    func createsFolder() async throws {
        let parent = try TemporaryFolder()
        let outcomes = try await writeToFolder(parent.path + "/outbox/mail", [TransportFixtures.message])
        #expect(outcomes.map(\.kind) == [.accepted])
        #expect(try parent.mode(of: "outbox/mail") == 0o700)
    }

    @Test("a folder that cannot be written is a configuration problem")
    func unwritableFolder() async throws {
        let parent = try TemporaryFolder()
        let blocker = parent.path + "/not-a-folder"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let outcomes = try await writeToFolder(blocker, [TransportFixtures.message])
        #expect(outcomes.map(\.kind) == [.configuration], "\(outcomes)")
    }
}
