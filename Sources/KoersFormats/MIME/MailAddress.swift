/// A mailbox: an e-mail address with the name a mail program shows for it.
///
/// Only the dot-atom form of RFC 5322 addresses is accepted (`local.part@domain.example`, ASCII,
/// no quoted local parts or IP literals), so every accepted address can be written into a header
/// as is and read back by any mail program.
public struct MailAddress: Sendable, Hashable {
    /// The display name, e.g. `Koers — OOK`; any Unicode text. Nil or empty for none.
    public var name: String?
    /// The address itself, e.g. `koers@school.example`.
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

extension MailAddress {
    /// RFC 5321's limit on a forward path; longer addresses cannot be delivered.
    static let maximumAddressLength = 254
    /// RFC 5321's limit on the part before the `@`.
    static let maximumLocalPartLength = 64

    /// Rejects line breaks first (they would start a new header), then anything that is not a
    /// deliverable dot-atom address. `field` names the header in the error, never the address.
    func validate(field: String) throws(MailError) {
        if let name { try MailHeaderText.rejectLineBreaks(in: name, field: field) }
        try MailHeaderText.rejectLineBreaks(in: address, field: field)
        guard MailAddress.isValid(address) else { throw MailError.invalidAddress(field) }
    }

    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= maximumAddressLength else { return false }
        let halves = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard halves.count == 2, halves[0].count <= maximumLocalPartLength else { return false }
        return isDotAtom(halves[0]) && isDotAtom(halves[1])
    }

    /// RFC 5322 `dot-atom-text`: atext runs joined by single dots.
    static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(MailHeaderText.isAtext) }
    }

    /// Appends this mailbox to a header as `name <address>` (or the bare address without a name),
    /// followed by `suffix` (a list's comma).
    func write(to line: inout MailHeaderLine, suffix: String) {
        if let name, !name.isEmpty {
            MailHeaderText.appendPhrase(name, to: &line)
            line.append("<" + address + ">" + suffix)
        } else {
            line.append(address + suffix)
        }
    }
}
