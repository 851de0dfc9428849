/// The longest texts Koers accepts where people write a name or a title. Nobody's name is a
/// megabyte, but a file can say it is, and every mail header, page and report would then carry
/// it (a 1 MB name made a 1.3 MB `To:` header). Counted in Unicode scalars, as JSON Schema's
/// `maxLength` counts, so the schemas (`"maxLength"`) say exactly what the loader does.
/// Long texts (descriptions, step texts, notes) have no limit of their own: where they reach one
/// line, such as a subject, they are cut there.
package enum TextLimit: Int, CaseIterable, Sendable {
    /// A person, school, role, organisation, sender or holiday: what fits on an envelope.
    case name = 200
    /// An agenda, theme, milestone, indicator, template, phase or event: a heading.
    case title = 300
    /// The text of an activity, which views and reports use as its heading: a sentence or two.
    case activity = 1000

    var what: String {
        switch self {
        case .name: "a name"
        case .title: "a title"
        case .activity: "an activity's text"
        }
    }
}
