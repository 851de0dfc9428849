import Foundation

/// A spending entry as the store keeps it: with its row id and when it was recorded.
public struct RecordedSpending: Sendable, Equatable {
    public var id: Int64
    public var spending: Spending
    public var recordedAt: Date

    package init(id: Int64, spending: Spending, recordedAt: Date) {
        self.id = id
        self.spending = spending
        self.recordedAt = recordedAt
    }
}
