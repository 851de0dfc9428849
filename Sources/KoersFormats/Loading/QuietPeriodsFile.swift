import KoersModel

/// A file of named quiet periods (`koers-quiet-periods/1`), such as the school holidays of one
/// region as `koers holidays import` writes them. The configuration includes such files with
/// `"quietPeriods": { "include": ["vakanties-noord.json"] }`; their periods are added to the inline ones.
///
///     {
///       "format": "koers-quiet-periods/1",
///       "source": "opendata.rijksoverheid.nl, schoolvakanties 2024-2025",
///       "region": "noord",
///       "periods": [
///         { "name": "Herfstvakantie 2024-2025 regio noord", "from": "2024-10-19", "to": "2024-10-27" }
///       ]
///     }
///
/// `source` and `region` are optional and informative; `from` and `to` are both included.
public struct QuietPeriodsFile: Sendable, Equatable {
    public static let format = "koers-quiet-periods/1"

    /// Where the periods come from, for people reading the file.
    public var source: String?
    /// The holiday region (`noord`, `midden`, `zuid`) the periods are for, when they are for one.
    public var region: String?
    public var periods: [QuietPeriods.Period]

    public init(source: String? = nil, region: String? = nil, periods: [QuietPeriods.Period]) {
        self.source = source
        self.region = region
        self.periods = periods
    }

    /// Decodes a parsed file, reporting every problem (with its JSON path) to `log`; nil when the
    /// root is not an object. Check `log.hasErrors` before using the result.
    static func decode(_ root: JSONNode, log: DiagnosticLog) -> QuietPeriodsFile? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "a quiet-periods file (\(format))") else { return nil }
        r.expectFormat(format)
        let source = r.string("source", required: false)
        let region = r.string("region", required: false)
        let periods = r.array("periods")?.compactMap { period($0, log: log) } ?? []
        r.finish()
        return QuietPeriodsFile(source: source, region: region, periods: periods)
    }

    /// Reads, parses and decodes the file at `path`; nil (with the problems in `log`) when it is
    /// missing, malformed or invalid.
    package static func load(_ path: String, log: DiagnosticLog) -> QuietPeriodsFile? {
        guard let root = SourceFile.parse(path, log: log), let file = decode(root, log: log), !log.hasErrors else { return nil }
        return file
    }

    /// One `{name, from, to}` entry, as in the configuration's inline `periods`.
    static func period(_ item: (node: JSONNode, path: JSONPath), log: DiagnosticLog) -> QuietPeriods.Period? {
        guard let p = ObjectReader(item.node, path: item.path, log: log, what: "a quiet period") else { return nil }
        let name = p.string("name", limit: .name)
        let from = p.parsed("from", expected: "a day YYYY-MM-DD") { LocalDate($0) }
        let to = p.parsed("to", expected: "a day YYYY-MM-DD") { LocalDate($0) }
        p.finish()
        guard let name, let from, let to else { return nil }
        guard let period = QuietPeriods.Period(name: name, from: from, through: to) else {
            log.error("\"\(name)\" ends (\(to)) before it starts (\(from))", at: item.node, path: item.path)
            return nil
        }
        return period
    }

    /// The file as JSON text (two-space indent, one member per line, final newline): what
    /// `koers holidays import` writes.
    public var text: String {
        var members: [(String, JSONValue)] = [("format", .string(Self.format))]
        if let source { members.append(("source", .string(source))) }
        if let region { members.append(("region", .string(region))) }
        let list: [JSONValue] = periods.map { p in
            .object([("name", .string(p.name)), ("from", .string(p.range.lowerBound.description)),
                     ("to", .string(p.range.upperBound.description))])
        }
        members.append(("periods", .array(list)))
        return JSONWriter.write(.object(members)) + "\n"
    }

    /// What a merge did, for the command's summary.
    public struct MergeCount: Sendable, Equatable {

        package init(added: Int = 0, replaced: Int = 0, kept: Int = 0) {
            self.added = added
            self.replaced = replaced
            self.kept = kept
        }
        /// Periods whose name was not in the file before.
        public var added = 0
        /// Periods that replaced one of the same name (with the same or other dates).
        public var replaced = 0
        /// Periods of the file that the import did not mention, kept as they were.
        public var kept = 0
    }

    /// This file with `imported` merged in: a period with the name of an imported one is replaced,
    /// the others are kept, and the result is sorted by start day (then name).
    public func merging(_ imported: [QuietPeriods.Period]) -> (file: QuietPeriodsFile, count: MergeCount) {
        let importedNames = Set(imported.map(\.name))
        let existingNames = Set(periods.map(\.name))
        let kept = periods.filter { !importedNames.contains($0.name) }
        var count = MergeCount()
        count.kept = kept.count
        count.replaced = imported.filter { existingNames.contains($0.name) }.count
        count.added = imported.count - count.replaced
        var merged = self
        merged.periods = Self.sorted(kept + imported)
        return (merged, count)
    }

    /// Periods by start day, then end day, then name: the order files are written in.
    public static func sorted(_ periods: [QuietPeriods.Period]) -> [QuietPeriods.Period] {
        periods.sorted {
            ($0.range.lowerBound, $0.range.upperBound, $0.name) < ($1.range.lowerBound, $1.range.upperBound, $1.name)
        }
    }
}
