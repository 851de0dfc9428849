import Foundation
import KoersModel

/// The Dutch school holidays as the government publishes them as open data
/// (`https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/schoolyear/2024-2025?output=json`):
///
///     { "id": …, "type": …, "title": …, "license": …,          ← ignored, like every other extra key
///       "content": [ { "title": "Schoolvakanties 2024-2025", "schoolyear": "2024-2025",
///                      "vacations": [ { "type": "Herfstvakantie ", "compulsorydates": "false",
///                                       "regions": [ { "region": "noord",
///                                                      "startdate": "2024-10-19T00:00:00.000Z",
///                                                      "enddate": "2024-10-27T00:00:00.000Z" }, … ] }, … ] } ] }
///
/// - `content` may hold several school years.
/// - `type` may carry spaces at either end; they are trimmed.
/// - A region is `noord`, `midden`, `zuid` or `heel Nederland` (all three).
/// - `startdate` and `enddate` are moments; each is read as the day it falls on in Amsterdam, so
///   both UTC midnight (`2024-10-19T00:00:00.000Z`) and Amsterdam midnight written in UTC
///   (`2024-10-18T22:00:00.000Z`) mean 19 October. Both days are holidays. A plain `2024-10-19`
///   is accepted too.
///
/// Being someone else's format, unknown keys are ignored rather than refused; missing or malformed
/// values are reported with their position and JSON path, all in one run.
public struct SchoolHolidays: Sendable, Equatable {
    /// The three holiday regions of the Netherlands.
    public enum Region: String, Sendable, CaseIterable, Comparable {
        case noord, midden, zuid

        public static func < (a: Region, b: Region) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// `noord, midden, zuid`, for messages.
        public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    /// One holiday of one school year, for the regions it applies to.
    public struct Vacation: Sendable, Equatable {
        /// The kind, trimmed: "Herfstvakantie".
        public var type: String
        /// "2024-2025".
        public var schoolYear: String
        public var regions: Set<Region>
        /// First and last day, both included.
        public var range: ClosedRange<LocalDate>
        /// Where it was in the file, for messages about it.
        var position: SourcePosition
        var path: JSONPath

        public init(type: String, schoolYear: String, regions: Set<Region>, range: ClosedRange<LocalDate>) {
            self.init(type: type, schoolYear: schoolYear, regions: regions, range: range, position: .zero, path: .root)
        }

        init(type: String, schoolYear: String, regions: Set<Region>, range: ClosedRange<LocalDate>,
             position: SourcePosition, path: JSONPath) {
            self.type = type
            self.schoolYear = schoolYear
            self.regions = regions
            self.range = range
            self.position = position
            self.path = path
        }

        /// "Herfstvakantie 2024-2025 regio noord": the name of the quiet period for `region`.
        public func name(for region: Region) -> String { "\(type) \(schoolYear) regio \(region.rawValue)" }

        public static func == (a: Vacation, b: Vacation) -> Bool {
            a.type == b.type && a.schoolYear == b.schoolYear && a.regions == b.regions && a.range == b.range
        }
    }

    /// The school years in the file, in order: "2024-2025".
    public var schoolYears: [String]
    /// Every holiday, in file order.
    public var vacations: [Vacation]

    public init(schoolYears: [String], vacations: [Vacation]) {
        self.schoolYears = schoolYears
        self.vacations = vacations
    }

    /// Decodes a parsed file; every problem goes to `log`. Check `log.hasErrors` before using the result.
    static func decode(_ root: JSONNode, log: DiagnosticLog, timeZone: AgendaTimeZone = .amsterdam) -> SchoolHolidays? {
        let what = "the school holidays as opendata.rijksoverheid.nl publishes them, with \"content\""
        guard root.members != nil else {
            log.error("expected \(what) (a JSON object), found \(root.preview)", at: root, path: .root)
            return nil
        }
        let top = Cursor(root: root)
        guard let contents = list(top["content"], in: top, log: log, what: "a list of school years") else { return nil }
        if contents.isEmpty { log.error("\"content\" is empty: the file holds no school year", at: top["content"].node, path: top["content"].path) }
        var years: [String] = []
        var vacations: [Vacation] = []
        for year in contents {
            guard object(year, log: log, what: "a school year with \"schoolyear\" and \"vacations\"") else { continue }
            let schoolYear = text(year["schoolyear"], in: year, log: log, expected: "a school year such as \"2024-2025\"") {
                isSchoolYear($0) ? $0 : nil
            }
            if let schoolYear { years.append(schoolYear) }
            guard let items = list(year["vacations"], in: year, log: log, what: "a list of holidays") else { continue }
            for item in items {
                guard object(item, log: log, what: "a holiday with \"type\" and \"regions\"") else { continue }
                let type = text(item["type"], in: item, log: log, expected: "the kind of holiday, such as \"Herfstvakantie\"") {
                    let trimmed = $0.trimmingCharacters(in: .whitespacesAndNewlines)
                    return trimmed.isEmpty ? nil : trimmed
                }
                guard let regions = list(item["regions"], in: item, log: log, what: "a list of regions with their dates") else { continue }
                if regions.isEmpty {
                    log.error("the region list is empty: no dates for this holiday", at: item["regions"].node, path: item["regions"].path)
                }
                for entry in regions {
                    guard object(entry, log: log, what: "a region with \"region\", \"startdate\" and \"enddate\"") else { continue }
                    let applies = text(entry["region"], in: entry, log: log,
                                       expected: "\"noord\", \"midden\", \"zuid\" or \"heel Nederland\"", regionSet)
                    let moment = "a moment such as \"2024-10-19T00:00:00.000Z\" or a day \"2024-10-19\""
                    let start = text(entry["startdate"], in: entry, log: log, expected: moment) { day($0, timeZone) }
                    let end = text(entry["enddate"], in: entry, log: log, expected: moment) { day($0, timeZone) }
                    guard let schoolYear, let type, let applies, let start, let end else { continue }
                    guard start <= end else {
                        log.error("\(type) ends (\(end)) before it starts (\(start))", at: entry.node, path: entry.path)
                        continue
                    }
                    vacations.append(Vacation(type: type, schoolYear: schoolYear, regions: applies, range: start...end,
                                              position: entry.node?.position ?? .zero, path: entry.path))
                }
            }
        }
        return SchoolHolidays(schoolYears: years, vacations: vacations)
    }

    /// Reads, parses and decodes the file at `path`; nil (with the problems in `log`) when it cannot be used.
    package static func load(_ path: String, log: DiagnosticLog) -> SchoolHolidays? {
        guard let root = SourceFile.parse(path, log: log), let holidays = decode(root, log: log), !log.hasErrors else { return nil }
        return holidays
    }

    /// The quiet periods of `region`, named "Herfstvakantie 2024-2025 regio noord", sorted by start.
    /// A holiday listed twice for the region (once for it and once for heel Nederland, say) counts
    /// once when the dates agree; when they differ, that is reported to `log` and the first is kept.
    package func periods(for region: Region, log: DiagnosticLog) -> [QuietPeriods.Period] {
        var byName: [String: Vacation] = [:]
        var periods: [QuietPeriods.Period] = []
        for vacation in vacations where vacation.regions.contains(region) {
            let name = vacation.name(for: region)
            if let first = byName[name] {
                if first.range != vacation.range {
                    log.append(Diagnostic(.error, file: log.file, position: vacation.position, path: vacation.path,
                        "\(name) is listed twice with different days: \(first.range.lowerBound)…\(first.range.upperBound) "
                        + "at line \(first.position.line) (\(first.path)), and \(vacation.range.lowerBound)…\(vacation.range.upperBound) here; "
                        + "keep one of them in the file"))
                }
                continue
            }
            byName[name] = vacation
            periods.append(QuietPeriods.Period(name: name, vacation.range))
        }
        return QuietPeriodsFile.sorted(periods)
    }

    /// The quiet periods of `region`, for callers that have checked the file already.
    public func periods(for region: Region) -> [QuietPeriods.Period] {
        periods(for: region, log: DiagnosticLog(file: ""))
    }

    // MARK: - Reading someone else's format

    private static func object(_ c: Cursor, log: DiagnosticLog, what: String) -> Bool {
        guard let node = c.node else { return false }
        if node.members == nil {
            log.error("expected \(what) (a JSON object), found \(node.preview)", at: node, path: c.path)
            return false
        }
        return true
    }

    /// The elements of a required list member, each with its cursor.
    private static func list(_ c: Cursor, in parent: Cursor, log: DiagnosticLog, what: String) -> [Cursor]? {
        guard let node = c.node else {
            log.error("missing required key \"\(key(c))\" (\(what))", at: parent.node, path: parent.path)
            return nil
        }
        guard let items = node.array else {
            log.error("expected \(what), found \(node.preview)", at: node, path: c.path)
            return nil
        }
        return items.indices.map { c[$0] }
    }

    /// A required text member that `parse` accepts.
    private static func text<T>(_ c: Cursor, in parent: Cursor, log: DiagnosticLog, expected: String,
                                _ parse: (String) -> T?) -> T? {
        guard let node = c.node else {
            log.error("missing required key \"\(key(c))\" (\(expected))", at: parent.node, path: parent.path)
            return nil
        }
        return ObjectReader.parse(node, path: c.path, log: log, expected: expected, parse)
    }

    private static func key(_ c: Cursor) -> String {
        if case .key(let k)? = c.path.components.last { return k }
        return ""
    }

    /// "2024-2025": two years, the second following the first.
    static func isSchoolYear(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]) else { return false }
        return b == a + 1
    }

    static func regionSet(_ text: String) -> Set<Region>? {
        let word = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if word == "heel nederland" { return Set(Region.allCases) }
        return Region(rawValue: word).map { [$0] }
    }

    /// The Amsterdam day of a moment, or a plain day.
    static func day(_ text: String, _ timeZone: AgendaTimeZone) -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = LocalDate(trimmed) { return day }
        return Timestamp.parse(trimmed).map(timeZone.localDate(of:))
    }
}
