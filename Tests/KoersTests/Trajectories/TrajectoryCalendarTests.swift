import Foundation
import Testing
@testable import KoersCLI

@Suite("koers export ical and the induction trajectories")
struct TrajectoryCalendarTests {
    @Test("A person's own calendar holds the conversations they take part in; a board or role calendar names no starter")
    func ownCalendarOnly() throws {
        let setup = TrajectoryFixture()
        _ = try setup.addStarter()
        func summaries(_ arguments: String...) throws -> [String] {
            let out = KoersTool.run(["--config", setup.configPath, "--now", "2024-08-20", "export", "ical"] + arguments, environment: [:])
            #expect(out.exitCode == .ok, "\(arguments): \(out.stderr)")
            return try ICalSummary.parse(out.stdout).events.compactMap(\.summary)
        }
        let mentor = try summaries("--person", "e.bosman")
        #expect(mentor.contains { $0.hasPrefix("Welkomstgesprek: Marloes Verhoeven") }, "\(mentor)")
        #expect(mentor.contains { $0.hasPrefix("Lesbezoek: Marloes Verhoeven") })
        #expect(!mentor.contains { $0.hasPrefix("Ontwikkelgesprek") }, "the director's conversation, not the mentor's")
        let director = try summaries("--person", "d.dewit")
        #expect(director.filter { $0.contains("Marloes Verhoeven") }.map { String($0.prefix(16)) } == ["Ontwikkelgesprek"])
        #expect(try summaries("--person", "k.kok").allSatisfy { !$0.contains("Marloes") }, "a director at another school")
        #expect(try summaries().allSatisfy { !$0.contains("Marloes") }, "the board's calendar")
        #expect(try summaries("--role", "directies").allSatisfy { !$0.contains("Marloes") }, "a role's calendar")
    }
}
