/// Escaping for text placed in HTML (mail, reports, the site), in element content and in quoted
/// attribute values.
///
/// It works on UTF-8 bytes, not on `Character`s: a quote or `<` followed by a combining mark is one
/// grapheme cluster that does not compare equal to `"` or `<`, yet an HTML parser still reads the
/// bare byte, so escaping by character let `"\u{301}` close an attribute. The five characters are
/// ASCII, and an ASCII byte never occurs inside a multi-byte UTF-8 sequence, so replacing bytes is
/// exact. Text without any of them (most of it) is returned as it is.
package enum HTMLText {
    package static func escape(_ s: String) -> String {
        let utf8 = s.utf8
        guard utf8.contains(where: { replacement(for: $0) != nil }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            if let entity = replacement(for: byte) { out += entity } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func replacement(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        default: nil
        }
    }
}
