/// One option of the command line, declared once: parsing (whether a value follows), checking
/// (which action takes it, whether it must be given) and `--help` (its line in the usage and in
/// the option list) all read this declaration.
struct CommandOption: Sendable, Equatable {
    let name: String
    /// What the value looks like in the usage and the option list (`YYYY-MM-DD`); nil for a flag.
    let placeholder: String?
    /// The only values it takes, when they are few: its placeholder is then `noord|midden|zuid`,
    /// and a missing one is named with them. (The command still checks the value it gets.)
    let choices: [String]
    /// Must be given with its action; the action reads it with `CommandContext.required`.
    let isRequired: Bool
    /// A sentence for the option list; the list wraps it.
    let help: String

    var takesValue: Bool { placeholder != nil }

    /// `--on YYYY-MM-DD`, as the usage and messages show it.
    var spelling: String { "--" + name + (placeholder.map { " " + $0 } ?? "") }

    static func value(_ name: String, _ placeholder: String, required: Bool = false, _ help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, choices: [], isRequired: required, help: help)
    }

    static func choice(_ name: String, _ choices: [String], required: Bool = false, _ help: String) -> CommandOption {
        CommandOption(name: name, placeholder: choices.joined(separator: "|"), choices: choices, isRequired: required, help: help)
    }

    static func flag(_ name: String, _ help: String) -> CommandOption {
        CommandOption(name: name, placeholder: nil, choices: [], isRequired: false, help: help)
    }

    /// The same option with what it means for one command (`--now` for `koers run`), so that
    /// command's usage and option list show it.
    func meaning(_ help: String) -> CommandOption {
        CommandOption(name: name, placeholder: placeholder, choices: choices, isRequired: isRequired, help: help)
    }

    /// What a missing required option is reported as: its choices, or its placeholder and help
    /// (`missing --on YYYY-MM-DD: the day the value was counted`).
    var missing: UsageError {
        if !choices.isEmpty { return UsageError("missing --\(name); expected one of: \(choices.joined(separator: ", "))") }
        let what = help.prefix(1).lowercased() + help.dropFirst()
        return UsageError("missing \(spelling): " + (what.hasSuffix(".") ? String(what.dropLast()) : what))
    }

    // MARK: Global options: every command accepts them

    static let config = value("config", "FILE", "Configuration file (default: $KOERS_CONFIG, else /etc/koers/koers.json).")
    static let now = value("now", "DATE", "Act as if it were DATE (YYYY-MM-DD at noon, or an ISO 8601 moment).")
    static let json = flag("json", "Machine-readable output (JSON), for scripts.")
    static let help = flag("help", "Show help.")

    static let globals = [config, now, json, help]
}
