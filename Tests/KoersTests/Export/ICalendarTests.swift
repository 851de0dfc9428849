import Foundation
@testable import KoersModel
@testable import KoersFormats
import Testing

/// The iCalendar writer on its own: folding, escaping and value syntax as RFC 5545 writes them.
@Suite("iCalendar writer")
struct ICalendarTests {
    /// The physical lines of a folded line, as octets.
    private func physicalLines(_ folded: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(folded.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append([])
                i += 2
            } else {
                lines[lines.count - 1].append(bytes[i])
                i += 1
            }
        }
        return lines
    }

    /// RFC 5545 unfolding: remove every CRLF followed by one space.
    private func unfold(_ folded: String) -> String {
        String(decoding: physicalLines(folded).enumerated().flatMap { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) },
               as: UTF8.self)
    }

    @Test("a line of exactly 75 octets is not folded; one of 76 continues on a line starting with a space")
    func foldAtSeventyFive() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendar.fold(exact) == exact)
        let longer = String(repeating: "a", count: 76)
        #expect(ICalendar.fold(longer) == String(repeating: "a", count: 75) + "\r\n a")
    }

    @Test("continuation lines hold 74 octets after their space, so each is at most 75")
    func continuationLength() {
        let folded = ICalendar.fold(String(repeating: "x", count: 300))
        let lines = physicalLines(folded)
        #expect(lines.map(\.count) == [75, 75, 75, 75, 4])
        #expect(lines.dropFirst().allSatisfy { $0.first == UInt8(ascii: " ") })
        #expect(unfold(folded) == String(repeating: "x", count: 300))
    }

    @Test("a two-octet ë that would straddle octet 75 moves whole to the next line")
    func twoOctetCharacterAtBoundary() {
        let line = String(repeating: "a", count: 74) + "ë" + "b"
        let folded = ICalendar.fold(line)
        let lines = physicalLines(folded)
        #expect(lines[0].count == 74, "the ë (2 octets) does not fit in the one octet left")
        #expect(String(decoding: lines[1], as: UTF8.self) == " ëb")
        #expect(unfold(folded) == line)
    }

    @Test("four-octet emoji and joiner sequences at every offset: no line over 75 octets, every line valid UTF-8")
    func multiByteAtEveryOffset() {
        for prefix in 0..<8 {
            let line = String(repeating: "a", count: prefix) + String(repeating: "👩‍🏫 ë € 🇳🇱 ", count: 12)
            let folded = ICalendar.fold(line)
            for physical in physicalLines(folded) {
                #expect(physical.count <= 75)
                #expect(String(validating: physical, as: UTF8.self) != nil,
                        "a physical line is not valid UTF-8 on its own (prefix \(prefix))")
            }
            #expect(unfold(folded) == line, "unfolding gives back every scalar (prefix \(prefix))")
        }
    }

    @Test("TEXT escapes backslash, semicolon and comma, and writes every kind of line break as \\n")
    func escaping() {
        #expect(ICalendar.escape(#"map \\server\agenda; a, b"#) == #"map \\\\server\\agenda\; a\, b"#)
        #expect(ICalendar.escape("een\ntwee\r\ndrie\rvier") == #"een\ntwee\ndrie\nvier"#)
        #expect(ICalendar.escape("tab\tblijft") == "tab\tblijft")
        #expect(ICalendar.escape("bel\u{07}en\u{7F}del") == "bel en del", "control characters cannot be in TEXT")
        #expect(ICalendar.escape("Zoë: €12,50") == #"Zoë: €12\,50"#, "a colon needs no escape in a value")
    }

    @Test("CATEGORIES escapes each value and joins them with bare commas")
    func textList() {
        let p = ICalendarProperty.textList("CATEGORIES", ["Leeromgeving, school", "Stap"])
        #expect(p.contentLine == #"CATEGORIES:Leeromgeving\, school,Stap"#)
    }

    @Test("dates are written as VALUE=DATE, moments in UTC with Z")
    func values() {
        #expect(ICalendarProperty.date("DTSTART", LocalDate("2024-09-01")!).contentLine == "DTSTART;VALUE=DATE:20240901")
        let moment = AgendaTimeZone.amsterdam.moment(LocalDate("2024-10-15")!, hour: 12)
        #expect(ICalendarProperty.utc("DTSTAMP", moment).contentLine == "DTSTAMP:20241015T100000Z", "12:00 in Amsterdam in summer time is 10:00 UTC")
        let winter = AgendaTimeZone.amsterdam.moment(LocalDate("2024-01-05")!, hour: 0, minute: 30)
        #expect(ICalendar.utc(winter) == "20240104T233000Z", "the day before in UTC")
    }

    @Test("parameter values with : ; or , are quoted, and double quotes dropped")
    func parameters() {
        let p = ICalendarProperty("X-TEST", parameters: [.init("X-NAME", "a:b \"c\"")], value: "v")
        #expect(p.contentLine == "X-TEST;X-NAME=\"a:b c\":v")
    }

    @Test("a component is BEGIN, properties, sub-components, END, every line ended by CRLF")
    func component() {
        let alarm = ICalendarComponent("VALARM", properties: [ICalendarProperty("ACTION", value: "DISPLAY")])
        let event = ICalendarComponent("VEVENT", properties: [.text("SUMMARY", "Zelfscan, september")], components: [alarm])
        #expect(event.text == "BEGIN:VEVENT\r\nSUMMARY:Zelfscan\\, september\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n")
    }
}
