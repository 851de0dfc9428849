import KoersFormats
import KoersModel

/// A `koers-config/1` configuration for synthetic agendas: the synthetic board's schools and people
/// (every agenda role held), mail into a folder, the example configuration's reminder rules, and
/// school holidays from the year before `years` to two years after it, so planning well past the
/// horizon still meets quiet periods.
struct SyntheticConfig {
    /// Agenda files, relative to the configuration file.
    var agendaPaths: [String]
    var years: ClosedRange<Int>
    var seed: UInt64
    var trainingSchools = 0
    var trajectoryPaths: [String] = []
    var scanInstrumentPaths: [String] = []

    /// `os-001` … with their names.
    var extraSchools: [(String, String)] {
        (0..<trainingSchools).map { n in
            let number = String(format: "%03d", n + 1)
            return ("os-\(number)", "Opleidingsschool \(number)")
        }
    }

    func json() -> JSONValue {
        var rng = SplitMix64(seed: seed)
        let people = SyntheticBoard.people(&rng) + extraSchools.flatMap { id, _ in
            let number = id.dropFirst(3)
            return [SyntheticBoard.Person(id: "m-\(number)", name: "Mentor \(number)", school: id, roles: ["werkplekbegeleiders"]),
                    SyntheticBoard.Person(id: "s-\(number)", name: "Schoolopleider \(number)", school: id, roles: ["schoolopleiders"])]
        }
        return SyntheticJSON.object([
            "$schema": "koers.schema.json",
            "format": "koers-config/1",
            "database": "koers.sqlite",
            "timeZone": "Europe/Amsterdam",
            "agendas": SyntheticJSON.strings(agendaPaths),
            "templates": .array([JSONValue]()),
            "trajectories": trajectoryPaths.isEmpty ? nil : SyntheticJSON.strings(trajectoryPaths),
            "scanInstruments": scanInstrumentPaths.isEmpty ? nil : SyntheticJSON.strings(scanInstrumentPaths),
            "schools": .array((SyntheticBoard.schools + extraSchools).map { SyntheticJSON.object(["id": .string($0.0), "name": .string($0.1)]) }),
            "people": .array(people.map { person in
                SyntheticJSON.object([
                    "id": .string(person.id),
                    "name": .string(person.name),
                    "email": .string("\(person.id)@example.org"),
                    "school": SyntheticJSON.string(person.school),
                    "roles": SyntheticJSON.strings(person.roles),
                ])
            }),
            "mail": SyntheticJSON.object([
                "from": SyntheticJSON.object(["name": "Koers — Stichting Voorbeeldscholen", "address": "koers@example.org"]),
                "replyToRole": "co-oper",
                "messageIdDomain": "koers.example.org",
                "transport": "file",
                "folder": "mail",
            ]),
            "reminders": SyntheticJSON.object([
                "sendTime": "08:00",
                "milestoneLeadTimes": ["8w", "2w", "2wd"],
                "halfYearStartDay": 1,
                "halfYearEnding": "4w",
                "escalateToCoordinator": "1w",
                "escalateToDeciders": "6w",
                "repeatEvery": "4w",
                "maxEscalations": 3,
                "coordinatorRole": "co-oper",
            ]),
            "quietPeriods": SyntheticJSON.object([
                "weekends": true,
                "periods": .array(SyntheticHolidays.periods(years.lowerBound - 1...years.upperBound + 2).map {
                    SyntheticJSON.object(["name": .string($0.name), "from": .string($0.from.description), "to": .string($0.to.description)])
                }),
            ]),
        ])
    }
}
