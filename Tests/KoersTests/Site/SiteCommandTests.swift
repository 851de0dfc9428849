import Foundation
import Testing
@testable import KoersCLI

@Suite("koers site")
struct SiteCommandTests {
    @Test("koers site --out writes the site; a foreign folder is refused with exit 1; --out is required")
    func command() throws {
        let site = try SiteFixture()
        let config = site.fixture.folder + "/koers.json"
        let out = site.fixture.folder + "/site"
        var r = KoersTool.run(["--config", config, "--now", "2024-10-15", "site", "--out", out], environment: [:])
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "wrote the site to \(out): 4 file(s), 0 archived report(s); open \(out)/index.html\n")
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("data-step=\"LL-A1\""))
        #expect(index.contains("Stand per dinsdag 15 oktober 2024, 12:00"))

        r = KoersTool.run(["--config", config, "site", "--out", site.fixture.folder], environment: [:])
        #expect(r.exitCode == .refused)
        #expect(r.stderr.hasPrefix("Error: Refusing to write the site to \(site.fixture.folder): the folder is not empty"))
        #expect(FileManager.default.fileExists(atPath: config), "the foreign folder is untouched")

        r = KoersTool.run(["--config", config, "site"], environment: [:])
        #expect(r.exitCode == .usage)
        #expect(r.stderr.hasPrefix("Error: missing --out DIR"))
    }
}
