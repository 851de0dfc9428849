/// Analyses scan rounds into `ScanReport`s: pure, so the same answers give the same report.
///
/// The rule, as reports state it:
/// - an item's score for a school is the mean level over the school's respondents who answered it;
///   for the board, the mean of the schools' item means (each school counts once);
/// - a category's score is the mean of its answered items' scores, the overall score the mean of all
///   answered items' scores;
/// - the strongest points are the items with the highest scores, the points to develop those with
///   the lowest, ties broken by the instrument's order (category, then item); three of each, fewer
///   when fewer than six items were answered, and never the same item in both lists;
/// - improved and declined are the items whose score rose or fell since the previous round of the
///   same instrument.
public struct ScanAnalysis: Sendable {
    public var rounds: [ScanRound]
    public var instruments: [ScanInstrument]
    public var schools: [Config.School]

    public init(rounds: [ScanRound], instruments: [ScanInstrument], schools: [Config.School]) {
        self.rounds = rounds
        self.instruments = instruments
        self.schools = schools
    }

    /// The report on one round, for every school that answered or (`school`) for one.
    public func report(round id: String, school: String? = nil) throws(ScanError) -> ScanReport {
        guard let round = rounds.first(where: { $0.id == id }) else { throw .unknownRound(id, known: rounds.map(\.id)) }
        guard let instrument = instruments.first(where: { $0.id == round.instrument }) else {
            throw .instrumentNotLoaded(round: round.id, instrument: round.instrument)
        }
        let previous = round.previous(in: rounds)
        var answering = schools.map(\.id).filter { id in round.responses.contains { $0.school == id } }
        answering += Set(round.responses.map(\.school)).subtracting(answering).sorted()
        var board: ScanReport.Group?
        if let school {
            guard schools.contains(where: { $0.id == school }) || answering.contains(school) else {
                throw .unknownSchool(school, known: schools.map(\.id))
            }
            guard answering.contains(school) else { throw .noAnswers(school: school, round: round.id) }
            answering = [school]
        } else {
            board = boardGroup(round, previous, instrument)
        }
        return ScanReport(
            round: .init(id: round.id, heldOn: round.heldOn),
            instrument: .init(id: instrument.id, title: instrument.title, scale: instrument.scale),
            previous: previous.map { .init(id: $0.id, heldOn: $0.heldOn) },
            board: board,
            schools: answering.map { schoolGroup($0, round, previous, instrument) })
    }

    /// The reports on the rounds held from `from` through `through`, oldest first; a round whose
    /// instrument is no longer configured is left out.
    public func reports(heldFrom from: LocalDate, through: LocalDate) -> [ScanReport] {
        rounds.filter { from <= $0.heldOn && $0.heldOn <= through }.compactMap { try? report(round: $0.id) }
    }

    // MARK: Groups

    private typealias Means = [String: (mean: ScanMean, count: Int)]

    private func schoolMeans(_ school: String, _ round: ScanRound?) -> Means {
        var levels: [String: [Int]] = [:]
        for response in round?.responses ?? [] where response.school == school { levels[response.item, default: []].append(response.level) }
        return levels.compactMapValues { values in ScanMean.of(values).map { ($0, values.count) } }
    }

    private func boardMeans(_ round: ScanRound?) -> Means {
        var perItem: [String: [ScanMean]] = [:]
        for school in Set(round?.responses.map(\.school) ?? []) {
            for (item, score) in schoolMeans(school, round) { perItem[item, default: []].append(score.mean) }
        }
        return perItem.compactMapValues { means in ScanMean.of(means).map { ($0, means.count) } }
    }

    private func schoolGroup(_ school: String, _ round: ScanRound, _ previous: ScanRound?, _ instrument: ScanInstrument) -> ScanReport.Group {
        let respondents = Set(round.responses.filter { $0.school == school }.map { $0.respondent ?? "" }).count
        let before = schoolMeans(school, previous)
        return group(school: school, name: schools.first { $0.id == school }?.name ?? school, respondents: respondents,
                     instrument: instrument, current: schoolMeans(school, round), previous: before, hasPrevious: !before.isEmpty)
    }

    private func boardGroup(_ round: ScanRound, _ previous: ScanRound?, _ instrument: ScanInstrument) -> ScanReport.Group {
        let before = boardMeans(previous)
        return group(school: nil, name: "Alle scholen", respondents: Set(round.responses.map(\.school)).count,
                     instrument: instrument, current: boardMeans(round), previous: before, hasPrevious: !before.isEmpty)
    }

    private func group(school: String?, name: String, respondents: Int, instrument: ScanInstrument,
                       current: Means, previous: Means, hasPrevious: Bool) -> ScanReport.Group {
        let items = instrument.placedItems.map { placed in
            ScanReport.ItemResult(id: placed.item.id, text: placed.item.text, category: placed.category.id, order: placed.order,
                                  score: .init(mean: current[placed.item.id]?.mean, count: current[placed.item.id]?.count ?? 0,
                                               previous: previous[placed.item.id]?.mean))
        }
        func score(_ ids: [String]) -> ScanReport.Score {
            ScanReport.Score(mean: ScanMean.of(ids.compactMap { current[$0]?.mean }),
                             count: ids.compactMap { current[$0]?.count }.reduce(0, +),
                             previous: ScanMean.of(ids.compactMap { previous[$0]?.mean }))
        }
        let categories = instrument.categories.map { category in
            ScanReport.CategoryResult(id: category.id, title: category.title, score: score(category.items.map(\.id)))
        }
        let (strongest, toDevelop) = Self.points(items)
        let changed = items.filter { $0.score.change != nil }
        return ScanReport.Group(
            school: school, name: name, respondents: respondents, overall: score(instrument.placedItems.map(\.item.id)),
            categories: categories, items: items, strongest: strongest, toDevelop: toDevelop,
            improved: changed.filter { $0.score.change!.isPositive }.sorted { Self.ranked($0, $1, by: \.score.change!, highestFirst: true) },
            declined: changed.filter { $0.score.change!.isNegative }.sorted { Self.ranked($0, $1, by: \.score.change!, highestFirst: false) },
            hasPrevious: hasPrevious)
    }

    /// The strongest points and the points to develop, by the rule above.
    static func points(_ items: [ScanReport.ItemResult]) -> (strongest: [ScanReport.ItemResult], toDevelop: [ScanReport.ItemResult]) {
        let answered = items.filter { $0.score.mean != nil }
        let count = min(ScanReport.pointsPerList, answered.count / 2)
        let strongest = Array(answered.sorted { ranked($0, $1, by: \.score.mean!, highestFirst: true) }.prefix(count))
        let taken = Set(strongest.map(\.id))
        let toDevelop = answered.filter { !taken.contains($0.id) }.sorted { ranked($0, $1, by: \.score.mean!, highestFirst: false) }
        return (strongest, Array(toDevelop.prefix(count)))
    }

    /// Orders by a mean, ties by the instrument's order.
    private static func ranked(_ a: ScanReport.ItemResult, _ b: ScanReport.ItemResult, by value: KeyPath<ScanReport.ItemResult, ScanMean>,
                               highestFirst: Bool) -> Bool {
        let x = a[keyPath: value], y = b[keyPath: value]
        if x != y { return highestFirst ? x > y : x < y }
        return a.order < b.order
    }
}
