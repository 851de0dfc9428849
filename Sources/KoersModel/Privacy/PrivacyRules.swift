/// How long Koers keeps personal data it no longer needs (AVG): an ended trajectory is erased this
/// many months after its end, keeping only anonymous counts. Configured as `privacy`.
public struct PrivacyRules: Sendable, Equatable {
    /// Default 12 months.
    public var retentionMonths: Int = 12

    public init(retentionMonths: Int = 12) { self.retentionMonths = retentionMonths }
}
