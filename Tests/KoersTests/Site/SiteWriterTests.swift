import Foundation
@testable import KoersServices
import KoersTestSupport
import Testing

@Suite("Writing the site: swapped into place whole, only over Koers's own folder")
struct SiteWriterTests {
    let fixture = Fixture()
    var parent: String { fixture.folder + "/www" }
    var target: String { parent + "/koers" }

    init() throws {
        try FileManager.default.createDirectory(atPath: fixture.folder + "/www", withIntermediateDirectories: true)
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test("A new site is written with 0644 files and 0755 folders and a .koers-site mark, and no temporary folder stays")
    func firstWrite() throws {
        try SiteWriter.write(["index.html": Array("<p>één</p>".utf8), "rapporten/index.html": Array("r".utf8)], to: target)
        #expect(entries(parent) == ["koers"], "no temporary folders left next to the site")
        #expect(entries(target) == [".koers-site", "index.html", "rapporten"])
        #expect(read(target + "/index.html") == "<p>één</p>")
        #expect(read(target + "/rapporten/index.html") == "r")
        #expect(mode(target) == 0o755)
        #expect(mode(target + "/rapporten") == 0o755)
        #expect(mode(target + "/index.html") == 0o644)
        #expect(mode(target + "/rapporten/index.html") == 0o644)
        #expect(mode(target + "/.koers-site") == 0o644)
    }

    @Test("Writing again replaces the whole site: pages that are gone are removed, and no temporary folder stays")
    func replace() throws {
        try SiteWriter.write(["index.html": Array("oud".utf8), "rapporten/year-2023.html": Array("r".utf8)], to: target)
        try SiteWriter.write(["index.html": Array("nieuw".utf8)], to: target + "/")
        #expect(entries(parent) == ["koers"])
        #expect(entries(target) == [".koers-site", "index.html"])
        #expect(read(target + "/index.html") == "nieuw")
    }

    @Test("An existing empty folder is used; a missing parent folder is an error")
    func emptyAndMissing() throws {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try SiteWriter.write(["index.html": [65]], to: target)
        #expect(entries(target) == [".koers-site", "index.html"])
        #expect(entries(parent) == ["koers"])
        let error = #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter.write(["index.html": [65]], to: fixture.folder + "/missing/koers")
        }
        #expect(error?.description.contains("does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/missing"))
    }

    @Test("A folder Koers did not write, and that is not empty, is refused and left exactly as it was")
    func refusesForeignFolder() throws {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try "belangrijk".write(toFile: target + "/notities.txt", atomically: false, encoding: .utf8)
        let error = #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter.write(["index.html": [65]], to: target)
        }
        #expect(error?.kind == .refused)
        #expect(error?.description.contains("not written by Koers") == true)
        #expect(entries(target) == ["notities.txt"])
        #expect(read(target + "/notities.txt") == "belangrijk")
        #expect(entries(parent) == ["koers"], "nothing left next to it either")
    }

    @Test("A file or a symbolic link in the site's place is refused; so are page paths that leave the folder")
    func refusesOtherThings() throws {
        try "x".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter.write(["index.html": [65]], to: target) }
        #expect(read(target) == "x")
        try FileManager.default.removeItem(atPath: target)

        let elsewhere = fixture.folder + "/elders"
        try SiteWriter.write(["index.html": [65]], to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: elsewhere)
        let link = #expect(throws: SiteWriter.Failure.self) { try SiteWriter.write(["index.html": [66]], to: target) }
        #expect(link?.description.contains("symbolic link") == true)
        #expect(read(elsewhere + "/index.html") == "A")
        try FileManager.default.removeItem(atPath: target)

        for path in ["../buiten.html", "/etc/passwd", "a//b.html", "./index.html", ".koers-site", ""] {
            #expect(throws: SiteWriter.Failure.self, "\(path)") { try SiteWriter.write([path: [65]], to: target) }
        }
        #expect(entries(parent) == [])
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/buiten.html"))
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter.write(["index.html": [65]], to: "/") }
    }

    @Test("Folders a crashed run left next to the site are cleaned up, but only Koers's own")
    func leftovers() throws {
        let stale = parent + "/.koers.koers-new-999-abc"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try "".write(toFile: stale + "/.koers-site", atomically: false, encoding: .utf8)
        try "half".write(toFile: stale + "/index.html", atomically: false, encoding: .utf8)
        let foreign = parent + "/.koers.koers-old-1-def"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "niet van Koers".write(toFile: foreign + "/data.txt", atomically: false, encoding: .utf8)
        try SiteWriter.write(["index.html": [65]], to: target)
        #expect(entries(parent) == [".koers.koers-old-1-def", "koers"])
        #expect(read(foreign + "/data.txt") == "niet van Koers")
    }
}
