import KoersFormats
import KoersModel

extension SyntheticAgenda {
    /// The milestones of a synthetic agenda, linked to its generated `steps` so that every link
    /// passes the validator's check that a step falls in an occurrence of its milestone: the
    /// biennial zelfscan (September, linked to Kwaliteitscultuur steps in those autumns), the
    /// yearly report without steps, and seven one-off milestones per unit of scale, most of them
    /// carried out by one step and falling in its half-year or on its date.
    func milestones(steps: [StepRecord], _ rng: inout SplitMix64) -> [JSONValue] {
        let (from, to) = horizon
        let lastYear = to.year
        // The zelfscan in September every other year; its steps are KC steps in those autumns.
        let scanYears = Set(stride(from: firstYear, through: lastYear + 2, by: 2))
        let scanSteps = steps.filter {
            $0.themeCode == "KC" && scanYears.contains($0.date.firstDay.year)
                && $0.date.firstDay <= LocalDate(year: $0.date.firstDay.year, month: 9, day: 30)!
                && $0.date.lastDay >= LocalDate(year: $0.date.firstDay.year, month: 9, day: 1)!
        }
        var result: [JSONValue] = [
            SyntheticJSON.object([
                "id": "zelfscan",
                "title": "Zelfscan Samen Opleiden (tweejaarlijks)",
                "description": .string(SyntheticText.text(about: 200, &rng)),
                "when": .string("\(firstYear)-09"),
                "recurrence": SyntheticJSON.object(["every": 2, "unit": "years", "until": .string("\(lastYear + 2)-09")]),
                "roles": SyntheticJSON.duties([("schoolopleiders", "executes"), ("directies", "executes"), ("co-oper", "informed")]),
                "steps": SyntheticJSON.strings(scanSteps.prefix(2 * scale).map(\.key)),
                "activities": ["KC-b"],
                "source": "Kwaliteitscultuur, Doel (synthetisch)",
            ]),
            SyntheticJSON.object([
                "id": "rapportage-feedforward",
                "title": "Jaarlijkse rapportage met feedforward (nov./dec.)",
                "when": .string("\(firstYear)-11"),
                "recurrence": SyntheticJSON.object(["every": 1, "unit": "years"]),
                "roles": SyntheticJSON.duties([("co-oper", "executes"), ("directies", "informed")]),
                "activities": ["KC-a"],
            ]),
        ]
        // One-off milestones, most carried out by one step and falling in its half-year or on its date.
        for n in 1...(7 * scale) {
            let step = rng.pick(steps)
            let linked = rng.chance(0.7)
            let when: PlannedDate
            switch step.date {
            case .halfYear(let h): when = .month(h.firstMonth.adding(months: rng.int(in: 0...5)))
            default: when = step.date
            }
            result.append(SyntheticJSON.object([
                "id": .string("mijlpaal-\(n)"),
                "title": .string(SyntheticText.title(&rng)),
                "description": rng.chance(0.5) ? .string(SyntheticText.sentence(&rng)) : nil,
                "when": .string((linked ? when : .halfYear(HalfYear(index: rng.int(in: from.index...to.index)))).description),
                "roles": rng.chance(0.5) ? SyntheticJSON.duties([(rng.pick(SyntheticBoard.roles).id, "executes")]) : nil,
                "steps": linked ? SyntheticJSON.strings([step.key]) : nil,
                "activities": SyntheticJSON.strings([step.activityKey]),
            ]))
        }
        return result
    }
}
