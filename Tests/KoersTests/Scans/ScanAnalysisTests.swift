import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats

@Suite("Scan analysis: strongest points, points to develop, and the comparison with the previous round")
struct ScanAnalysisTests {
    /// The report on zelfscan-2024 of `ScanFixture.constructedRounds()`.
    private func report(_ school: String? = nil, round: String = "zelfscan-2024") throws -> ScanReport {
        let scene = ScanFixture()
        try scene.constructedRounds()
        return try ScanAnalysis(store: scene.store(), workspace: scene.workspace()).report(round: round, school: school)
    }

    private func group(_ report: ScanReport, _ school: String) throws -> ScanReport.Group {
        try #require(report.schools.first { $0.school == school })
    }

    @Test("Per school the three highest and the three lowest item means, ties in the checklist's order")
    func points() throws {
        let noord = try group(try report(), "noord")
        #expect(noord.name == "OBS Het Noorderlicht")
        #expect(noord.respondents == 2)
        // A1 and B1 both 3: A1 comes first in the checklist; A2 and A4 both 2,5: A2 first.
        #expect(noord.strongest.map(\.id) == ["A1", "B1", "A2"])
        #expect(noord.strongest.map(\.score.mean) == [ScanMean(3), ScanMean(3), ScanMean(5, 2)])
        // A3 and B4 both 1: A3 first; then B2 (1,5). A4 (2,5) is neither.
        #expect(noord.toDevelop.map(\.id) == ["A3", "B4", "B2"])
        #expect(noord.items.first { $0.id == "A4" }?.score.mean == ScanMean(5, 2))
    }

    @Test("With fewer than six items answered there are fewer points, never the same item twice")
    func fewAnswers() throws {
        let zuid = try group(try report(), "zuid")
        #expect(zuid.respondents == 1, "answered as a school, without a respondent label")
        #expect(zuid.strongest.map(\.id) == ["A3"])
        #expect(zuid.toDevelop.map(\.id) == ["A1"])
        #expect(zuid.items.filter { $0.score.mean == nil }.map(\.id) == ["A4", "B1", "B2", "B3", "B4"])

        let even = ScanAnalysis.points((0..<6).map { i in
            ScanReport.ItemResult(id: "X\(i)", text: "", category: "c", order: i, score: .init(mean: ScanMean(2), count: 1, previous: nil))
        })
        #expect(even.strongest.map(\.id) == ["X0", "X1", "X2"], "all equal: the checklist's order")
        #expect(even.toDevelop.map(\.id) == ["X3", "X4", "X5"], "and the points to develop from the rest")
    }

    @Test("Category and overall means are exact means of the item means, shown with one decimal")
    func categories() throws {
        let noord = try group(try report(), "noord")
        #expect(noord.categories.map(\.id) == ["cultuur", "expertise"])
        #expect(noord.categories.map(\.score.mean) == [ScanMean(9, 4), ScanMean(15, 8)])
        #expect(noord.categories.map { ScanWording.mean($0.score.mean) } == ["2,3", "1,9"])
        #expect(noord.categories.map(\.score.count) == [8, 8])
        #expect(noord.overall.mean == ScanMean(33, 16))
        #expect(noord.categories.map(\.score.previous) == [ScanMean(9, 4), ScanMean(2)])
        #expect(noord.categories.map(\.score.change) == [ScanMean(0), ScanMean(-1, 8)])
        #expect(noord.categories.map { ScanWording.change($0.score.change) } == ["0,0", "−0,1"])
    }

    @Test("Against the previous round of the same instrument: what improved and what declined, largest change first")
    func comparison() throws {
        let report = try report()
        #expect(report.previous == .init(id: "zelfscan-2022", heldOn: LocalDate("2022-09-20")!),
                "lo-2023 is another instrument, however recent")
        let noord = try group(report, "noord")
        #expect(noord.hasPrevious)
        #expect(noord.improved.map(\.id) == ["A1", "A2", "B2"])
        #expect(noord.improved.map(\.score.change) == [ScanMean(1), ScanMean(1, 2), ScanMean(1, 2)])
        #expect(noord.declined.map(\.id) == ["A3", "A4"])
        #expect(noord.declined.map(\.score.change) == [ScanMean(-1), ScanMean(-1, 2)])
        #expect(noord.items.first { $0.id == "B4" }?.score.change == nil, "not answered in 2022")
        let zuid = try group(report, "zuid")
        #expect(!zuid.hasPrevious && zuid.improved.isEmpty && zuid.declined.isEmpty)
    }

    @Test("For all schools, an item's score is the mean of the schools' means; each school counts once")
    func board() throws {
        let board = try #require(try report().board)
        #expect(board.school == nil && board.name == "Alle scholen" && board.respondents == 2)
        #expect(board.items.map(\.score.mean) == [ScanMean(2), ScanMean(9, 4), ScanMean(2), ScanMean(5, 2),
                                                  ScanMean(3), ScanMean(3, 2), ScanMean(2), ScanMean(1)])
        #expect(board.items.map(\.score.count) == [2, 2, 2, 1, 1, 1, 1, 1])
        #expect(board.strongest.map(\.id) == ["B1", "A4", "A2"])
        #expect(board.toDevelop.map(\.id) == ["B4", "B2", "A1"])
        #expect(board.improved.map(\.id) == ["B2", "A2"])
        #expect(board.declined.map(\.id) == ["A4"])
    }

    @Test("One school's report has no board part; a school without answers is refused")
    func oneSchool() throws {
        let report = try report("zuid")
        #expect(report.board == nil)
        #expect(report.schools.map(\.school) == ["zuid"])
        #expect(throws: ScanError.noAnswers(school: "oost", round: "zelfscan-2024")) { try self.report("oost") }
        #expect(throws: ScanError.unknownSchool("west", known: ["noord", "zuid", "oost"])) { try self.report("west") }
    }

    @Test("The nulmeting has nothing to compare with")
    func nulmeting() throws {
        let report = try report(round: "zelfscan-2022")
        #expect(report.previous == nil)
        #expect(report.schools.map(\.school) == ["noord"])
        #expect(ScanWording.held(report) == "Afgenomen op 20 september 2022; de eerste meting met dit instrument (nulmeting).")
        #expect(!ScanTextRenderer().render(report).contains("Vooruitgegaan"))
    }

    @Test("A mean is an exact fraction: equal means tie, halves round away from zero")
    func means() {
        #expect(ScanMean(7, 3) == ScanMean(14, 6))
        #expect(ScanMean.of([1, 2, 2]) == ScanMean(5, 3))
        #expect(ScanMean.of([ScanMean(5, 2), ScanMean(2)]) == ScanMean(9, 4))
        #expect(ScanMean(9, 4).dutch == "2,3")
        #expect(ScanMean(-1, 8).signedDutch == "−0,1")
        #expect(ScanMean(1, 20).signedDutch == "+0,1")
        #expect(ScanMean(-1, 40).signedDutch == "0,0")
        #expect(ScanMean(7, 3).decimal(places: 2) == "2.33")
        #expect(ScanMean(2).decimal(places: 2) == "2.00")
    }
}
