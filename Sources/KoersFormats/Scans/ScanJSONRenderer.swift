import KoersModel

/// A scan report as JSON (`"format": "koers-scan-report/1"`): every member always present (null
/// when absent), in a fixed order; means rounded to two decimals; the lists of points name item ids
/// of the group's `items`. Also embedded, without the format member, in the agenda report's JSON.
public struct ScanJSONRenderer: Sendable {
    public init() {}

    public func render(_ r: ScanReport) -> String {
        JSONWriter.write(.object([("format", .string(ScanReport.format))] + members(r))) + "\n"
    }

    /// The report as a JSON value without the format member, for the agenda report's `scans`.
    public func value(_ r: ScanReport) -> JSONValue { .object(members(r)) }

    private func members(_ r: ScanReport) -> [(String, JSONValue)] {
        [
            ("round", round(r.round)),
            ("instrument", .object([
                ("id", .string(r.instrument.id)),
                ("title", .string(r.instrument.title)),
                ("scale", .array(r.instrument.scale.map { .object([("value", .int($0.value)), ("label", .string($0.label))]) })),
            ])),
            ("previous", r.previous.map(round) ?? .null),
            ("board", r.board.map(group) ?? .null),
            ("schools", .array(r.schools.map(group))),
        ]
    }

    private func round(_ r: ScanReport.RoundRef) -> JSONValue {
        .object([("id", .string(r.id)), ("heldOn", .string(r.heldOn.description))])
    }

    private func mean(_ m: ScanMean?) -> JSONValue {
        guard let m, let number = JSONNumber(literal: m.decimal(places: 2)) else { return .null }
        return .number(number)
    }

    private func score(_ s: ScanReport.Score) -> [(String, JSONValue)] {
        [("mean", mean(s.mean)), ("count", .int(s.count)), ("previous", mean(s.previous)), ("change", mean(s.change))]
    }

    private func ids(_ items: [ScanReport.ItemResult]) -> JSONValue { .array(items.map { .string($0.id) }) }

    private func group(_ g: ScanReport.Group) -> JSONValue {
        .object([
            ("school", g.school.map(JSONValue.string) ?? .null),
            ("name", .string(g.name)),
            ("respondents", .int(g.respondents)),
            ("overall", .object(score(g.overall))),
            ("categories", .array(g.categories.map { .object([("id", .string($0.id)), ("title", .string($0.title))] + score($0.score)) })),
            ("items", .array(g.items.map {
                .object([("id", .string($0.id)), ("text", .string($0.text)), ("category", .string($0.category))] + score($0.score))
            })),
            ("strongest", ids(g.strongest)),
            ("toDevelop", ids(g.toDevelop)),
            ("improved", ids(g.improved)),
            ("declined", ids(g.declined)),
            ("hasPrevious", .bool(g.hasPrevious)),
        ])
    }
}
