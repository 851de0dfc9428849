/// The roles an agenda or template defines in its `"roles"`, against which every role it uses is
/// checked where it is used: a misspelt role is reported at its own place in that file, with the
/// role most likely meant, and not later as a role of the configuration that nobody holds.
struct DefinedRoles {
    /// In the order of the file.
    let ids: [String]
    /// What defines them, for messages: "agenda" or "template".
    let owner: String

    /// The ids of every entry of `roles`, also of entries with another error (that error is
    /// reported; the role's uses need not be as well).
    init(_ roles: JSONNode?, owner: String) {
        var ids: [String] = []
        for entry in roles?.array ?? [] {
            if let id = entry["id"]?.string, !ids.contains(id) { ids.append(id) }
        }
        self.ids = ids
        self.owner = owner
    }

    /// Whether `role` is defined; if not, says so at `node`.
    func check(_ role: String, at node: JSONNode?, path: JSONPath, log: DiagnosticLog) -> Bool {
        guard !ids.contains(role) else { return true }
        let expected = Choices.expected(role, among: ids,
            none: "this \(owner) defines no roles; add it to \"roles\" ({\"id\": \"\(role)\", \"name\": \"…\"})")
        log.referenceError("role \"\(role)\" is not one of this \(owner)'s roles (its \"roles\"); \(expected)", at: node, path: path)
        return false
    }
}
