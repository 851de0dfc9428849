import Foundation
@testable import KoersSystem
import KoersTestSupport
import Synchronization
import Testing

final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

@Suite("Atomic files: the old content or the new, never part of one, and no temporary file left")
struct AtomicFileTests {
    let fixture = Fixture()

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.folder).sorted()
    }

    @Test("a reader reading while the file is replaced again and again always sees one whole version")
    func readersSeeWholeVersions() async throws {
        let path = fixture.folder + "/report.html"
        let old = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let new = [UInt8](repeating: UInt8(ascii: "b"), count: 300_000)
        try AtomicFile.write(old, to: path)
        let (seen, torn) = try await offThePool {
            let stop = Flag()
            let reader = InterruptibleThread { () throws(FileError) -> (seen: Int, torn: Int) in
                var seen = 0, torn = 0
                while !stop.isSet {
                    let content = try FileDescriptor.readFile(path, limit: 1 << 20)
                    if content != old && content != new { torn += 1 }
                    seen += 1
                }
                return (seen, torn)
            }
            for round in 0..<40 { try AtomicFile.write(round.isMultiple(of: 2) ? new : old, to: path) }
            stop.set()
            return try reader.join().get()
        }
        #expect(seen > 0)
        #expect(torn == 0, "\(torn) of \(seen) reads saw a half-written file")
        #expect(try names() == ["report.html"])
        #expect(try FileDescriptor.readFile(path, limit: 1 << 20) == old)
    }

    @Test("a replacement that fails at the last step leaves the old content and no temporary file")
    func failedReplacement() throws {
        let path = fixture.folder + "/export"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: FileError(path: path, operation: .rename, cause: .system(EISDIR))) {
            try AtomicFile.write("nieuw", to: path)
        }
        #expect(try names() == ["export"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }

    @Test("create never replaces a file: the name taken is EEXIST, the file there unchanged, no temporary file left")
    func createKeepsExisting() throws {
        let path = fixture.write("message.eml", "eerste")
        #expect(throws: FileError(path: path, operation: .link, cause: .system(EEXIST))) {
            try AtomicFile.create(Array("tweede".utf8), at: path, mode: 0o600)
        }
        #expect(try names() == ["message.eml"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "eerste")

        let fresh = fixture.folder + "/other.eml"
        try AtomicFile.create(Array("derde".utf8), at: fresh, mode: 0o600)
        #expect(try names() == ["message.eml", "other.eml"])
        let mode = try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("the error names the file, the step, the system's reason and what to check")
    func errorDescription() throws {
        let path = fixture.folder + "/missing/out.csv"
        let error = #expect(throws: FileError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.description
            == "Could not create \(path): No such file or directory. Check that the path is right and that its folder exists.")
        #expect(try names() == [])
    }
}
