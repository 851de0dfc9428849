import KoersFormats
import KoersModel

/// An agenda in the `koers-agenda/1` format, shaped like the bundled OOK agenda and `scale` times
/// its size: the four waarborgen with `scale` times the activities (2, 4, 4, 6) and steps
/// (5, 18, 7, 24), spread over more half-years (six, plus two for every doubling of the scale);
/// the bundled roles; a biennial zelfscan and a yearly report as milestones plus seven one-off
/// milestones per unit of scale; five indicators per unit. The same `seed` gives the same bytes.
///
/// Generated agendas load without any diagnostic from scale 2 on, so a fault test can change one
/// thing and expect exactly one complaint. At scale 1 Lerende leraar has five steps for six
/// half-years and is reported as having an empty one, as two of the bundled agenda's themes are.
public struct SyntheticAgenda: Sendable {
    public var id: String
    public var scale: Int
    public var seed: UInt64
    /// The horizon starts in its first half-year, as the bundled agenda's does in 2022.
    public var firstYear: Int

    public init(id: String = "synthetic", scale: Int = 1, seed: UInt64 = 1, firstYear: Int = 2022) {
        self.id = id
        self.scale = max(scale, 1)
        self.seed = seed
        self.firstYear = firstYear
    }

    /// The four waarborgen with the bundled agenda's activity and step counts per theme.
    static let themes: [(id: String, code: String, title: String, activities: Int, steps: Int)] = [
        ("lerende-leraar", "LL", "Lerende leraar", 2, 5),
        ("leeromgeving", "LO", "Leeromgeving", 4, 18),
        ("organisatie", "OR", "Organisatie", 4, 7),
        ("kwaliteitscultuur", "KC", "Kwaliteitscultuur", 6, 24),
    ]

    /// Six half-years at scale 1 (like the bundled 2022–2024), two more for every doubling.
    public var halfYearCount: Int {
        var count = 6, reach = 1
        while reach < scale { reach *= 2; count += 2 }
        return count
    }

    public var horizon: (from: HalfYear, to: HalfYear) {
        let from = HalfYear(year: firstYear, half: 1)!
        return (from, HalfYear(index: from.index + halfYearCount - 1))
    }

    public var stepCount: Int { Self.themes.map(\.steps).reduce(0, +) * scale }

    /// The file's text: pretty JSON with a final newline.
    public func text() -> String { JSONWriter.write(json()) + "\n" }

    public func json() -> JSONValue {
        var rng = SplitMix64(seed: seed)
        var steps: [StepRecord] = []
        var themes: [JSONValue] = []
        for (index, theme) in Self.themes.enumerated() {
            var themeRNG = rng.derived(UInt64(index))
            themes.append(themeJSON(theme, &themeRNG, steps: &steps))
        }
        var milestoneRNG = rng.derived(100), indicatorRNG = rng.derived(101), sectionRNG = rng.derived(102)
        let (from, to) = horizon
        return SyntheticJSON.object([
            "$schema": "agenda.schema.json",
            "format": "koers-agenda/1",
            "id": .string(id),
            "title": "Ontwikkelagenda Samen Opleiden & Professionaliseren (synthetisch)",
            "subtitle": .string("Gegenereerd, schaal \(scale), seed \(seed)"),
            "organisation": SyntheticJSON.object([
                "name": "Stichting Voorbeeldscholen",
                "shortName": "SVS",
                "description": .string(SyntheticText.text(about: 150, &rng)),
            ]),
            "version": .string("mei \(firstYear)"),
            "adoptions": .array([
                SyntheticJSON.object(["by": "Directeuren", "date": .string("\(firstYear)-05-31")]),
                SyntheticJSON.object(["by": "Raad van Toezicht", "date": .string("\(firstYear)-06-14"), "note": "ter informatie"]),
            ]),
            "language": "nl",
            "timeZone": "Europe/Amsterdam",
            "horizon": SyntheticJSON.object(["from": .string(from.description), "to": .string(to.description)]),
            "sections": sections(&sectionRNG),
            "roles": .array(SyntheticBoard.roles.map { SyntheticJSON.object(["id": .string($0.id), "name": .string($0.name)]) }),
            "themes": .array(themes),
            "milestones": .array(milestones(steps: steps, &milestoneRNG)),
            "indicators": .array(indicators(&indicatorRNG)),
        ])
    }

    /// What milestones need to know about a generated step.
    struct StepRecord {
        var key: String
        var themeCode: String
        var activityKey: String
        /// The step's due date, or its half-year.
        var date: PlannedDate
    }

    private func sections(_ rng: inout SplitMix64) -> JSONValue {
        let columns = ["Vraag", "Waar staan we nu?", "De gewenste opleidingsschool"]
        let rows: [JSONValue] = (1...6).map { n in
            SyntheticJSON.strings(["\(n). " + SyntheticText.title(&rng), SyntheticText.text(about: 300, &rng),
                                   SyntheticText.text(about: 400, &rng)])
        }
        return .array([
            SyntheticJSON.object(["id": "inleiding", "title": "Inleiding", "text": .string(SyntheticText.paragraphs(about: 1400, &rng))]),
            SyntheticJSON.object(["id": "wie-zijn-wij", "title": "Wie zijn wij", "text": .string(SyntheticText.paragraphs(about: 1500, &rng))]),
            SyntheticJSON.object(["id": "cirkel-van-sinek", "title": "Cirkel van Sinek",
                                  "table": SyntheticJSON.object(["columns": SyntheticJSON.strings(columns), "rows": .array(rows)])]),
        ])
    }

    private func themeJSON(_ theme: (id: String, code: String, title: String, activities: Int, steps: Int),
                           _ rng: inout SplitMix64, steps: inout [StepRecord]) -> JSONValue {
        let activityCount = theme.activities * scale
        let sizes = Self.stepsPerActivity(total: theme.steps * scale, activities: activityCount, &rng)
        var placement = PeriodSweep(first: horizon.from, count: halfYearCount, stepsLeft: theme.steps * scale)
        var activities: [JSONValue] = []
        for (index, size) in sizes.enumerated() {
            activities.append(activityJSON(index: index, steps: size, themeCode: theme.code, &placement, &rng, records: &steps))
        }
        return SyntheticJSON.object([
            "id": .string(theme.id),
            "code": .string(theme.code),
            "title": .string(theme.title),
            "description": .string(SyntheticText.paragraphs(about: 460, &rng)),
            "currentState": .string(SyntheticText.paragraphs(about: 700, &rng)),
            "goal": .string(SyntheticText.paragraphs(about: 420, &rng)),
            "activitiesSource": "uit het ontwikkelplan",
            "activities": .array(activities),
        ])
    }

    /// `total` steps over `activities` activities: at least one each, at most eight.
    static func stepsPerActivity(total: Int, activities: Int, _ rng: inout SplitMix64) -> [Int] {
        var sizes = Array(repeating: 1, count: activities)
        var left = max(total - activities, 0)
        while left > 0 {
            var index = rng.int(in: 0...activities - 1)
            while sizes[index] >= 8 { index = (index + 1) % activities }
            sizes[index] += 1
            left -= 1
        }
        return sizes
    }

    private static let duties = ["executes", "proposes", "decides", "consulted", "informed"]

    private func activityJSON(index: Int, steps count: Int, themeCode: String, _ placement: inout PeriodSweep,
                              _ rng: inout SplitMix64, records: inout [StepRecord]) -> JSONValue {
        let id = Self.activityID(index)
        let roles = Self.activityRoles(&rng)
        var steps: [JSONValue] = []
        let periods = placement.next(count, &rng)
        for (n, period) in periods.enumerated() {
            let stepID = id.uppercased() + String(n + 1)
            var due: PlannedDate?
            if rng.chance(0.05) {
                let month = period.firstMonth.adding(months: rng.int(in: 0...5))
                due = rng.chance(0.5) ? .month(month) : .day(LocalDate(year: month.year, month: month.month, day: rng.int(in: 1...28))!)
            }
            let phase: JSONValue? = rng.chance(0.6) ? .string(rng.pick(["plan", "do", "check", "act"])) : nil
            let ownRoles: JSONValue? = rng.chance(0.2)
                ? SyntheticJSON.duties([(rng.pick(SyntheticBoard.roles).id, rng.chance(0.7) ? "executes" : "proposes")]) : nil
            let note: JSONValue? = rng.chance(0.3) ? .string("Synthetisch: " + SyntheticText.sentence(&rng)) : nil
            steps.append(SyntheticJSON.object([
                "id": .string(stepID),
                "text": .string(SyntheticText.cell(&rng)),
                "period": .string(period.description),
                "phase": phase,
                "due": SyntheticJSON.string(due?.description),
                "roles": ownRoles,
                "note": note,
            ]))
            records.append(StepRecord(key: "\(themeCode)-\(stepID)", themeCode: themeCode, activityKey: "\(themeCode)-\(id)",
                                      date: due ?? .halfYear(period)))
        }
        let subitems: JSONValue? = rng.chance(0.25)
            ? .array(["i", "ii", "iii"].prefix(rng.int(in: 2...3)).map {
                SyntheticJSON.object(["id": .string($0), "text": .string(SyntheticText.sentence(&rng))])
            })
            : nil
        return SyntheticJSON.object([
            "id": .string(id),
            "text": .string(SyntheticText.text(about: rng.int(in: 80...260), &rng)),
            "subitems": subitems,
            "responsibilities": .string(SyntheticText.text(about: rng.int(in: 100...300), &rng)),
            "roles": SyntheticJSON.duties(roles),
            "steps": .array(steps),
        ])
    }

    /// `a` … `z`, `aa`, `ab` …: letters only, so that step ids (`AB3`) split unambiguously into the
    /// activity's letters and a number, as the numbering check expects.
    static func activityID(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            n -= 1
            letters = String(UnicodeScalar(UInt8(97 + n % 26))) + letters
            n /= 26
        }
        return letters
    }

    /// One to four distinct roles, the first executing or proposing, often the directieteam deciding.
    private static func activityRoles(_ rng: inout SplitMix64) -> [(role: String, does: String)] {
        var pool = SyntheticBoard.roles.map(\.id).filter { $0 != "directieteam" }
        var result: [(role: String, does: String)] = []
        for n in 0..<rng.int(in: 1...3) {
            let role = pool.remove(at: rng.int(in: 0...pool.count - 1))
            result.append((role, n == 0 ? rng.pick(["executes", "proposes"]) : rng.pick(duties.filter { $0 != "decides" })))
        }
        if rng.chance(0.5) { result.append(("directieteam", "decides")) }
        return result
    }

    private func indicators(_ rng: inout SplitMix64) -> [JSONValue] {
        (1...(5 * scale)).map { n in
            let baseline = rng.chance(0.5)
            return SyntheticJSON.object([
                "id": .string("indicator-\(n)"),
                "title": .string(SyntheticText.title(&rng)),
                "unit": .string(rng.pick(["studenten", "leerwerkplekken", "schoolopleiders", "procent"])),
                "theme": .string(rng.pick(Self.themes).id),
                "baseline": baseline ? SyntheticJSON.object(["value": .int(rng.int(in: 0...40)), "on": .string("\(firstYear - 1)-12")]) : nil,
                "target": !baseline || rng.chance(0.5)
                    ? SyntheticJSON.object(["value": .int(rng.int(in: 10...60)), "by": .string("\(horizon.to.year)-06")]) : nil,
            ])
        }
    }
}
