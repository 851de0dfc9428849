import Foundation
import KoersModel

/// One component of an iCalendar object (RFC 5545): `VCALENDAR`, `VEVENT`, `VALARM`, with its
/// properties in order and the components it contains. A plain value: build it, then ask for
/// `text`, which is CRLF-terminated, TEXT-escaped and folded at 75 octets.
public struct ICalendarComponent: Sendable, Equatable {
    public var name: String
    public var properties: [ICalendarProperty]
    public var components: [ICalendarComponent]

    public init(_ name: String, properties: [ICalendarProperty] = [], components: [ICalendarComponent] = []) {
        self.name = name
        self.properties = properties
        self.components = components
    }

    /// The content lines, unfolded, without line endings.
    public var contentLines: [String] {
        ["BEGIN:\(name)"] + properties.map(\.contentLine) + components.flatMap(\.contentLines) + ["END:\(name)"]
    }

    /// The serialized component: every content line folded (`ICalendar.fold`) and ended by CRLF.
    public var text: String {
        contentLines.map { ICalendar.fold($0) + "\r\n" }.joined()
    }
}

/// One property: name, parameters and a value already in the syntax of its value type. The
/// static constructors write the value types Koers uses (TEXT, a list of TEXT, DATE, UTC
/// DATE-TIME, DURATION) correctly, so callers never escape by hand.
public struct ICalendarProperty: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var name: String
    public var parameters: [Parameter]
    /// In the value type's syntax: escaped TEXT, `20240901`, `-P14D`…
    public var value: String

    public init(_ name: String, parameters: [Parameter] = [], value: String) {
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// A TEXT value (SUMMARY, DESCRIPTION, UID…), escaped.
    public static func text(_ name: String, _ text: String) -> Self {
        Self(name, value: ICalendar.escape(text))
    }

    /// A list of TEXT values (CATEGORIES), each escaped, joined by commas.
    public static func textList(_ name: String, _ texts: [String]) -> Self {
        Self(name, value: texts.map(ICalendar.escape).joined(separator: ","))
    }

    /// A whole day, `VALUE=DATE`: an all-day event's start or end.
    public static func date(_ name: String, _ date: LocalDate) -> Self {
        Self(name, parameters: [Parameter("VALUE", "DATE")], value: ICalendar.date(date))
    }

    /// A moment in UTC (`20241015T100000Z`), as DTSTAMP must be.
    public static func utc(_ name: String, _ moment: Date) -> Self {
        Self(name, value: ICalendar.utc(moment))
    }

    /// The unfolded content line: `NAME;PARAM=VALUE:value`.
    public var contentLine: String {
        var line = name
        for p in parameters { line += ";\(p.name)=\(ICalendar.parameterValue(p.value))" }
        return line + ":" + value
    }
}

/// The rules of RFC 5545 §3.1 and §3.3 that a writer must follow.
public enum ICalendar {
    /// Longest physical line in octets, CRLF not counted (§3.1).
    public static let lineLimit = 75

    /// Escapes a TEXT value (§3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, and each line break
    /// (CRLF, LF or CR alone) → `\n`. Other control characters, which TEXT may not contain, become
    /// a space; a tab is kept.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out.append(" ") } else { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A parameter value (§3.2): quoted when it holds `:`, `;` or `,`; double quotes and control
    /// characters, which a parameter value cannot carry, are dropped.
    static func parameterValue(_ value: String) -> String {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter {
            $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F
        }))
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// Folds one content line (§3.1): physical lines of at most 75 octets, each continuation
    /// starting with one space (which counts). Breaks fall between Unicode scalars, never inside
    /// a UTF-8 sequence, so every physical line is valid UTF-8 on its own. Returns the physical
    /// lines joined by CRLF, without a final line ending.
    public static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > lineLimit {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                octets = 1
            }
            out.append(scalar)
            octets += size
        }
        return String(out)
    }

    /// `20240901`.
    public static func date(_ date: LocalDate) -> String {
        pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }

    /// `20241015T100000Z`: whole seconds, UTC.
    public static func utc(_ moment: Date) -> String {
        let seconds = Int((moment.timeIntervalSince1970).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        return date(LocalDate(dayNumber: days)) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }

    /// A DURATION in whole days before the start (`-P14D`), for an alarm's TRIGGER.
    public static func daysBefore(_ days: Int) -> String { "-P\(days)D" }
}
