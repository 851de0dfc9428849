import KoersModel

/// The Dutch phrases for an indicator's course in every report format, so text, Markdown and HTML
/// say the same: "nulmeting 10 → gemeten 18 → doel 30 plekken", "stijgend (+4 sinds de meting van
/// 15 november 2023), de goede kant op; nog 12 te gaan".
enum IndicatorWording {
    /// Baseline → latest measurement → target, with the unit once at the end; nil without a measurement.
    static func course(_ i: IndicatorLine) -> String? {
        guard let latest = i.latest else { return nil }
        var parts: [String] = []
        if let baseline = i.baseline { parts.append("nulmeting \(ReportWording.number(baseline.value))") }
        parts.append("gemeten \(ReportWording.number(latest.value))")
        if let target = i.target { parts.append("doel \(ReportWording.number(target.value))") }
        return parts.joined(separator: " → ") + (i.unit.map { " \($0)" } ?? "")
    }

    /// Direction, whether it is the right one, and the distance to the target.
    static func trend(_ t: IndicatorTrend) -> String {
        var text: String
        if let previous = t.previous, let change = t.change, let direction = t.direction {
            let since = previous.isBaseline ? "de nulmeting van \(previous.date.dutch)" : "de meting van \(previous.date.dutch)"
            switch direction {
            case .rising: text = "stijgend (+\(ReportWording.number(change)) sinds \(since))"
            case .falling: text = "dalend (\(ReportWording.number(change)) sinds \(since))"
            case .level: text = "gelijk sinds \(since)"
            }
        } else {
            text = "eerste meting"
        }
        if let towards = t.towardsTarget { text += towards ? ", de goede kant op" : ", de verkeerde kant op" }
        if t.reached {
            text += "; doel bereikt"
        } else if let remaining = t.remaining {
            text += "; nog \(ReportWording.number(remaining)) te gaan"
        }
        return text
    }

    /// "nulmeting 10 → gemeten 18 → doel 30 plekken: stijgend (…); nog 12 te gaan"
    static func courseAndTrend(_ i: IndicatorLine) -> String? {
        guard let course = course(i), let t = IndicatorTrend(i) else { return nil }
        return course + ": " + trend(t)
    }

    /// "10 april 2024: 18 plekken. Telling in april"
    static func measurement(_ m: IndicatorMeasurement, unit: String?) -> String {
        var text = "\(ReportWording.date(m.on)): \(ReportWording.number(m.value))"
        if let unit { text += " \(unit)" }
        if let note = m.note { text += ". \(note)" }
        return text
    }
}
