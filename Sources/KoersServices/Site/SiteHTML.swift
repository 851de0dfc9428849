import Foundation
import KoersFormats
import KoersModel

/// Small pieces of HTML the site pages share: escaped text, agenda prose as paragraphs and lists,
/// Dutch dates, and the ids that anchors use.
enum SiteHTML {
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// Agenda prose as the format writes it (paragraphs separated by a blank line, list items
    /// starting with `- `) as `<p>` and `<ul>`.
    static func prose(_ text: String) -> String {
        var out = ""
        for paragraph in text.components(separatedBy: "\n\n") {
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard !lines.isEmpty else { continue }
            var plain: [String] = []
            var items: [String] = []
            func flushPlain() {
                if !plain.isEmpty { out += "<p>" + plain.map(escape).joined(separator: "<br>") + "</p>" }
                plain = []
            }
            func flushItems() {
                if !items.isEmpty { out += "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
                items = []
            }
            for line in lines {
                if line.hasPrefix("- ") {
                    flushPlain()
                    items.append(String(line.dropFirst(2)))
                } else {
                    flushItems()
                    plain.append(line)
                }
            }
            flushPlain()
            flushItems()
        }
        return out
    }

    /// "dinsdag 15 oktober 2024, 12:00" in the board's time zone.
    static func moment(_ moment: Date, timeZone: AgendaTimeZone) -> String {
        let day = timeZone.localDate(of: moment)
        let (hour, minute) = timeZone.hourAndMinute(of: moment)
        return "\(weekdays[day.weekday - 1]) \(PlannedDate.day(day).dutch), \(pad(hour, 2)):\(pad(minute, 2))"
    }

    static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    /// A planned date in words, or the text as given when it does not parse.
    static func planned(_ text: String) -> String { PlannedDate(text)?.dutch ?? text }

    /// The anchor of a step's section on the steps page: `stap-ook-sop-LL-A1`.
    static func stepAnchor(agenda: String, key: String) -> String { "stap-" + anchorSafe(agenda) + "-" + anchorSafe(key) }

    /// The anchor of a theme's part of the agenda page: `waarborg-ook-sop-lerende-leraar`.
    static func themeAnchor(agenda: String, theme: String) -> String { "waarborg-" + anchorSafe(agenda) + "-" + anchorSafe(theme) }

    /// Ids in the agenda format are already `[A-Za-z0-9-]`; anything else becomes `_`.
    static func anchorSafe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
    }

    /// A role as people read it: its name from the agenda and what it does, "Schoolleiders (stelt voor)".
    static func role(_ role: StepSummary.RoleSummary, in agenda: Agenda?) -> String { role.dutch(in: agenda) }
}
