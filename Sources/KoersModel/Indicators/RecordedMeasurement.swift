import Foundation

/// A measurement as the store keeps it: with its row id, when it was recorded, and whether a
/// later entry for the same indicator and day replaced it.
public struct RecordedMeasurement: Sendable, Equatable {
    public var id: Int64
    public var measurement: IndicatorMeasurement
    public var recordedAt: Date
    public var replaced: Bool

    package init(id: Int64, measurement: IndicatorMeasurement, recordedAt: Date, replaced: Bool) {
        self.id = id
        self.measurement = measurement
        self.recordedAt = recordedAt
        self.replaced = replaced
    }
}
