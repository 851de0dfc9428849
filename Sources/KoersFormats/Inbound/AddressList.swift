/// RFC 5322 address lists as clients write them: `Name <a@b>`, `"Last, First" <a@b>`,
/// `a@b (Name)`, groups (`team: a@b, c@d;`), encoded-word names, obsolete routes (`<@relay:a@b>`).
///
/// Reading is lenient, because a wrong address only means a reply is not matched: an entry
/// without an `@` is skipped, and the address is kept as written (Koers compares it without case).
enum AddressList {
    static func parse(_ raw: [UInt8]) -> [MailAddress] {
        var addresses: [MailAddress] = []
        var phrase: [UInt8] = []
        var angle: [UInt8]?
        var comment: [UInt8]?
        func flush() {
            defer { phrase = []; angle = nil; comment = nil }
            let name: String
            var address: [UInt8]
            if let angle {
                // An obsolete route (`@relay:`) precedes the address.
                address = Array(angle.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).last ?? [])
                name = HeaderWords.decoded(phrase)
            } else {
                address = phrase
                name = comment.map(HeaderWords.decoded) ?? ""
            }
            address = address.filter { $0 > 0x20 }
            guard address.contains(UInt8(ascii: "@")) else { return }
            let shown = name.isEmpty ? HeaderWords.decoded(comment ?? []) : name
            addresses.append(MailAddress(name: shown.isEmpty ? nil : shown, address: String(decoding: address, as: UTF8.self)))
        }
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                while index < raw.count && raw[index] != UInt8(ascii: "\"") {
                    if raw[index] == UInt8(ascii: "\\") && index + 1 < raw.count { index += 1 }
                    phrase.append(raw[index])
                    index += 1
                }
                index += 1
            case UInt8(ascii: "("):
                var depth = 1
                var text: [UInt8] = []
                while index < raw.count && depth > 0 {
                    let inner = raw[index]
                    index += 1
                    if inner == UInt8(ascii: "\\") && index < raw.count {
                        text.append(raw[index])
                        index += 1
                        continue
                    }
                    if inner == UInt8(ascii: "(") { depth += 1 }
                    if inner == UInt8(ascii: ")") { depth -= 1 }
                    if depth > 0 { text.append(inner) }
                }
                if comment == nil { comment = text }
                phrase.append(0x20)
            case UInt8(ascii: "<"):
                let end = raw[index...].firstIndex(of: UInt8(ascii: ">")) ?? raw.count
                angle = Array(raw[index..<end])
                index = min(end + 1, raw.count)
            case UInt8(ascii: ":") where angle == nil && !phrase.contains(UInt8(ascii: "@")):
                phrase = []  // a group's name
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                flush()
            default:
                phrase.append(byte)
            }
        }
        flush()
        return addresses
    }

    /// The `<…>` identifiers of Message-ID, In-Reply-To and References, without the brackets; a
    /// value written without brackets counts as one identifier per word.
    static func messageIDs(_ raw: [UInt8]) -> [String] {
        var ids: [String] = []
        var index = 0
        while let open = raw[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard let close = raw[open...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let id = raw[(open + 1)..<close].filter { $0 > 0x20 }
            if !id.isEmpty { ids.append(String(decoding: id, as: UTF8.self)) }
            index = close + 1
        }
        if ids.isEmpty && !raw.contains(UInt8(ascii: "<")) {
            ids = raw.split(whereSeparator: { $0 <= 0x20 }).map { String(decoding: $0, as: UTF8.self) }
        }
        return ids
    }
}
