/// The analysis of one scan round, as the agenda's appendix asks for it: per school its strongest
/// points and points to develop, the means per category and overall, and what changed since the
/// previous round of the same instrument. Every renderer (text, Markdown, HTML, JSON) and the scan
/// section of the half-year and yearly reports start from this value.
public struct ScanReport: Sendable, Equatable {
    /// The `format` member of the JSON rendering.
    public static let format = "koers-scan-report/1"
    /// How many strongest points and points to develop Koers proposes, at most ("2 à 3").
    public static let pointsPerList = 3

    public var round: RoundRef
    public var instrument: InstrumentRef
    /// The round compared with: the same instrument's latest earlier round, if any.
    public var previous: RoundRef?
    /// All schools together; nil when the report is about one school (`--school`).
    public var board: Group?
    /// The schools that answered, in the configuration's order.
    public var schools: [Group]

    public struct RoundRef: Sendable, Equatable {
        public var id: String
        public var heldOn: LocalDate
    }

    public struct InstrumentRef: Sendable, Equatable {
        public var id: String
        public var title: String
        public var scale: [ScanInstrument.Level]
    }

    /// A mean with what it was in the previous round.
    public struct Score: Sendable, Equatable {
        public var mean: ScanMean?
        /// The answers (or, for the board, the schools) the mean is taken over.
        public var count: Int
        public var previous: ScanMean?

        /// `mean − previous`, when both exist.
        public var change: ScanMean? {
            guard let mean, let previous else { return nil }
            return mean - previous
        }
    }

    public struct ItemResult: Sendable, Equatable {
        public var id: String
        public var text: String
        public var category: String
        /// The item's place in the instrument, which breaks ties.
        public var order: Int
        public var score: Score
    }

    public struct CategoryResult: Sendable, Equatable {
        public var id: String
        public var title: String
        public var score: Score
    }

    /// One school, or the board as a whole.
    public struct Group: Sendable, Equatable {
        /// The school's id; nil for the board.
        public var school: String?
        public var name: String
        /// For a school: distinct respondents (a school answering as a whole counts as one). For the
        /// board: the schools that answered.
        public var respondents: Int
        public var overall: Score
        public var categories: [CategoryResult]
        /// Every item in instrument order, answered or not.
        public var items: [ItemResult]
        public var strongest: [ItemResult]
        public var toDevelop: [ItemResult]
        /// Items whose mean rose since the previous round, largest rise first; empty without one.
        public var improved: [ItemResult]
        /// Items whose mean fell, largest fall first.
        public var declined: [ItemResult]
        /// Whether the previous round has answers for this group, so changes can be shown.
        public var hasPrevious: Bool
    }
}
