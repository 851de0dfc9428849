import Foundation

/// Fixed-width UTC timestamps (`2024-06-20T10:15:00.000Z`) for the database: text that sorts in time
/// order and reads well in the `sqlite3` shell.
public enum Timestamp {
    public static func format(_ moment: Date) -> String {
        let millis = Int((moment.timeIntervalSince1970 * 1000).rounded(.down))
        let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let rest = millis - days * 86_400_000
        let date = LocalDate(dayNumber: days)
        let h = rest / 3_600_000, m = rest / 60_000 % 60, s = rest / 1000 % 60, ms = rest % 1000
        return "\(date)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }

    /// Parses what `format` writes, and ISO 8601 moments with an offset (`2024-06-20T12:15:00+02:00`,
    /// seconds and fraction optional).
    public static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 16, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
              let date = LocalDate(String(decoding: chars[0..<10], as: UTF8.self)) else { return nil }
        var i = 11
        func number(_ width: Int) -> Int? {
            guard i + width <= chars.count else { return nil }
            var v = 0
            for c in chars[i..<(i + width)] {
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += width
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < chars.count, chars[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let h = number(2), h < 24, expect(":"), let m = number(2), m < 60 else { return nil }
        var s = 0, fraction = 0.0
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            i += 1
            guard let sec = number(2), sec < 61 else { return nil }
            s = sec
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                var scale = 0.1
                let start = i
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                    fraction += Double(chars[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        guard i < chars.count else { return nil }
        if chars[i] == UInt8(ascii: "Z") {
            i += 1
        } else if chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
            let sign = chars[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let oh = number(2), expect(":"), let om = number(2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == chars.count else { return nil }
        let seconds = Double(date.dayNumber * 86_400 + h * 3600 + m * 60 + s - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }
}
