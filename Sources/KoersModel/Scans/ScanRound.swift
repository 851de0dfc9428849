/// One administration of a scan instrument across the board's schools (`zelfscan-2024`): the
/// nulmeting of 2022, then every two years. Its answers feed the next version of the agenda.
public struct ScanRound: Sendable, Equatable {
    public var id: String
    /// The instrument's id; the instrument itself comes from the configuration.
    public var instrument: String
    public var heldOn: LocalDate
    public var responses: [ScanResponse]

    public init(id: String, instrument: String, heldOn: LocalDate, responses: [ScanResponse] = []) {
        self.id = id
        self.instrument = instrument
        self.heldOn = heldOn
        self.responses = responses
    }

    /// The round with the same instrument held most recently before this one: what it is compared with.
    public func previous(in rounds: [ScanRound]) -> ScanRound? {
        rounds.filter { $0.instrument == instrument && $0.heldOn < heldOn }
            .max { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }
    }
}

/// One answer: a school's (or one of its respondents') level for one item.
public struct ScanResponse: Sendable, Hashable {
    public var school: String
    /// A short label for who answered ("directie", "schoolopleider 1"), never a person's name; nil
    /// when the school answered as a whole.
    public var respondent: String?
    public var item: String
    public var level: Int

    public init(school: String, respondent: String?, item: String, level: Int) {
        self.school = school
        self.respondent = respondent
        self.item = item
        self.level = level
    }

    /// What may be answered only once per round.
    public struct Key: Hashable, Sendable {
        public var school: String
        public var respondent: String?
        public var item: String
    }

    public var key: Key { Key(school: school, respondent: respondent, item: item) }

    /// Labels are for roles or seats, so they stay short and hold no addresses; nil when `label` is
    /// fine, else why not.
    public static func respondentProblem(_ label: String) -> String? {
        if label.count > maxRespondentLength {
            return "\"\(label.prefix(20))…\" is too long for a respondent label (at most \(maxRespondentLength) characters); "
                + "use a short label such as \"directie\" or \"schoolopleider 1\", not a name"
        }
        if label.contains("@") || label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a respondent label holds no e-mail addresses or control characters; use a label such as \"directie\" or \"schoolopleider 1\""
        }
        return nil
    }

    public static let maxRespondentLength = 40
}

extension ScanResponse.Key: CustomStringConvertible {
    /// `school de-linde, respondent directie, item OC1`, for messages.
    public var description: String {
        "school \(school)" + (respondent.map { ", respondent \"\($0)\"" } ?? "") + ", item \(item)"
    }
}
