/// The stable name of a step across versions of an agenda: `THEMECODE-STEPID`, e.g. `LL-A1`.
/// Status history is stored under it, so next year's revised file keeps this year's history.
public struct StepKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var themeCode: String
    public var stepID: String

    public init(themeCode: String, stepID: String) {
        self.themeCode = themeCode
        self.stepID = stepID
    }

    /// Parses `LL-A1`; case is not normalised here (lookup is case-insensitive, see `AgendaSet`).
    public init?(_ text: String) {
        guard let dash = text.firstIndex(of: "-") else { return nil }
        let code = text[..<dash], id = text[text.index(after: dash)...]
        guard !code.isEmpty, !id.isEmpty, !id.contains("-") else { return nil }
        self.init(themeCode: String(code), stepID: String(id))
    }

    public var description: String { "\(themeCode)-\(stepID)" }

    public static func < (a: StepKey, b: StepKey) -> Bool { a.description < b.description }
}
