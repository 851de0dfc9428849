@testable import KoersFormats

/// The school-holidays import (someone else's JSON): every problem is a positioned diagnostic, and
/// what decodes without errors gives sorted, well-formed quiet periods for every region.
enum HolidaysFuzzTarget: FuzzTarget {
    static let name = "holidays"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        let log = DiagnosticLog(file: "schoolvakanties.json")
        guard let root = SourceFile.parse(bytes: input, log: log) else {
            try require(log.hasErrors, "unparsable input without an error")
            return
        }
        let holidays = SchoolHolidays.decode(root, log: log)
        try LoadInvariants.check(log.items, files: ["schoolvakanties.json": input])
        guard let holidays, !log.hasErrors else { return }
        for vacation in holidays.vacations {
            try require(!vacation.type.isEmpty && !vacation.regions.isEmpty, "a holiday without a type or region")
            try require(SchoolHolidays.isSchoolYear(vacation.schoolYear), "school year \(vacation.schoolYear)")
        }
        for region in SchoolHolidays.Region.allCases {
            let periods = holidays.periods(for: region, log: log)
            for period in periods {
                try require(!period.name.isEmpty, "a quiet period without a name")
            }
            for (a, b) in zip(periods, periods.dropFirst()) {
                try require(a.range.lowerBound <= b.range.lowerBound, "quiet periods out of order: \(a.name), \(b.name)")
            }
        }
    }
}
