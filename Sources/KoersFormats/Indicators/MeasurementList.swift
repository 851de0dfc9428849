import Foundation
import KoersModel

/// `koers measure --list`: indicators with their baseline, target and every recorded measurement,
/// including those a later entry for the same day replaced.
public struct MeasurementList: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var agenda: String
        public var indicator: String
        public var title: String
        public var unit: String?
        public var baseline: Value?
        public var target: Value?
        public var measurements: [Line]
    }

    public struct Value: Encodable, Sendable {
        public var value: Double
        public var date: String?
        public var note: String?
    }

    public struct Line: Encodable, Sendable {
        public var on: String
        public var value: Double
        public var note: String?
        public var recordedAt: String
        /// A later entry for the same day corrects this one.
        public var replaced: Bool
    }

    public var indicators: [Item]

    package init(_ indicators: [(agenda: Agenda, indicator: Indicator)], records: [RecordedMeasurement]) {
        self.indicators = indicators.map { agenda, indicator in
            Item(agenda: agenda.id, indicator: indicator.id, title: indicator.title, unit: indicator.unit,
                 baseline: indicator.baseline.map { Value(value: $0.value, date: $0.on.description, note: $0.note) },
                 target: indicator.target.map { Value(value: $0.value, date: $0.by?.description, note: nil) },
                 measurements: records.filter { $0.measurement.agenda == agenda.id && $0.measurement.indicator == indicator.id }.map {
                     Line(on: $0.measurement.on.description, value: $0.measurement.value, note: $0.measurement.note,
                          recordedAt: Timestamp.format($0.recordedAt), replaced: $0.replaced)
                 })
        }
    }

    /// With `agendaPrefix`, indicator ids are shown as `agenda:id` (several agendas loaded).
    public func text(agendaPrefix: Bool) -> String {
        var out: [String] = []
        for (n, item) in indicators.enumerated() {
            if n > 0 { out.append("") }
            out.append(TextLayout.wrap("\(item.title) (" + (agendaPrefix ? "\(item.agenda):" : "") + "\(item.indicator))", indent: "    "))
            func value(_ v: Value) -> String {
                ReportWording.value(IndicatorLine.Value(value: v.value, date: v.date.flatMap(PlannedDate.init), note: v.note), unit: item.unit)
            }
            if let baseline = item.baseline { out.append(TextLayout.labelled("  nulmeting:", value(baseline), column: 14)) }
            if let target = item.target { out.append(TextLayout.labelled("  doel:", value(target), column: 14)) }
            if item.measurements.isEmpty { out.append("  (nog geen metingen)") }
            for m in item.measurements {
                var text = ReportWording.number(m.value) + (item.unit.map { " \($0)" } ?? "")
                if let note = m.note { text += ". \(note)" }
                if m.replaced { text += " (vervangen door latere opgave)" }
                out.append(TextLayout.labelled("  \(m.on)", text, column: 14))
            }
        }
        if indicators.isEmpty { out.append("De agenda noemt geen indicatoren.") }
        return out.joined(separator: "\n") + "\n"
    }
}
