import KoersModel

/// School holidays in the shape of region noord's (autumn, Christmas, spring, May and summer),
/// computed for any year so that synthetic configurations have quiet periods across a horizon of any
/// length. Close to the real dates for 2024–2026; not a source for real ones.
enum SyntheticHolidays {
    /// The holidays starting in `years`, in date order.
    static func periods(_ years: ClosedRange<Int>) -> [(name: String, from: LocalDate, to: LocalDate)] {
        var result: [(name: String, from: LocalDate, to: LocalDate)] = []
        for year in years {
            result.append(holiday("Voorjaarsvakantie \(year)", year, 2, 14, days: 9))
            result.append(holiday("Meivakantie \(year)", year, 4, 24, days: 9))
            result.append(holiday("Zomervakantie \(year)", year, 7, 10, days: 44))
            result.append(holiday("Herfstvakantie \(year)", year, 10, 14, days: 9))
            result.append(holiday("Kerstvakantie \(year)-\(year + 1)", year, 12, 18, days: 16))
        }
        return result
    }

    /// `days` days from the first Saturday on or after the given day.
    private static func holiday(_ name: String, _ year: Int, _ month: Int, _ day: Int, days: Int)
        -> (name: String, from: LocalDate, to: LocalDate) {
        let start = LocalDate(year: year, month: month, day: day)!
        let saturday = start.adding(days: (6 - start.weekday + 7) % 7)
        return (name, saturday, saturday.adding(days: days - 1))
    }
}
