import Foundation
import KoersTestSupport
import Testing

/// The administrator's yearly chore, end to end through the real binary: download the school
/// holidays, import them for the board's region, include the file, check.
@Suite("koers holidays import")
struct HolidaysCommandTests {
    static let samples = KoersProcess.repository + "/Tests/Support/Holidays/"
    static let bundled = KoersProcess.repository + "/Config/vakanties-noord-2024-2027.json"

    @Test("The holidays of one region go to stdout as a quiet-periods file, with a summary on stderr")
    func toStdout() throws {
        let r = try KoersProcess.run(["holidays", "import", Self.samples + "schoolvakanties-2024-2026.json", "--region", "zuid"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "Imported 10 quiet period(s) for region zuid (2024-10-19 … 2026-08-23) from \(Self.samples)schoolvakanties-2024-2026.json.\n")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(file["format"] as? String == "koers-quiet-periods/1")
        #expect(file["region"] as? String == "zuid")
        let periods = try #require(file["periods"] as? [[String: String]])
        #expect(periods.first == ["name": "Herfstvakantie 2024-2025 regio zuid", "from": "2024-10-19", "to": "2024-10-27"])
        #expect(periods.map { $0["from"]! } == periods.map { $0["from"]! }.sorted())
    }

    @Test("Importing the samples into one --out file, twice over, gives the bundled Config/vakanties-noord-2024-2027.json byte for byte")
    func reproducesBundledFile() throws {
        let site = try Installation()
        let out = site.folder + "/vakanties-noord-2024-2027.json"
        try FileManager.default.removeItem(atPath: out)
        var r = try KoersProcess.run(["holidays", "import", Self.samples + "schoolvakanties-2024-2026.json", "--region", "noord", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        r = try KoersProcess.run(["holidays", "import", Self.samples + "schoolvakanties-2026-2027-excerpt.json", "--region", "noord", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("into \(out): 2 new, 0 replaced, 10 kept.\n"), "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == String(contentsOfFile: Self.bundled, encoding: .utf8))
        r = try site.koers("check")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("An unknown region is a usage error (exit 64) that lists the valid ones")
    func unknownRegion() throws {
        let r = try KoersProcess.run(["holidays", "import", Self.samples + "schoolvakanties-2024-2026.json", "--region", "oost"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: unknown region \"oost\"; expected one of: noord, midden, zuid\n\nUsage: koers holidays import FILE"))
    }

    @Test("A broken included file stops check (exit 65) with its path, line, column and JSON path")
    func brokenInclude() throws {
        let site = try Installation()
        let included = site.folder + "/vakanties-noord-2024-2027.json"
        let text = try String(contentsOfFile: included, encoding: .utf8)
        try text.replacingOccurrences(of: "\"to\": \"2025-08-24\"", with: "\"to\": \"24-08-2025\"")
            .write(toFile: included, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("\"to\": \"2025-08-24\"") }! + 1
        let r = try site.koers("check")
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(included):\(line):13: error: periods[4].to: \"24-08-2025\" is not valid here; expected a day YYYY-MM-DD"), "\(r.stderr)")
    }
}
