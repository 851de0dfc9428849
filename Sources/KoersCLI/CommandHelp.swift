import KoersFormats
import KoersModel

/// `koers COMMAND --help`: the usage lines and the option list are made from the declarations
/// (`CommandUsage`, `CommandOption`); between them stands the command's explanation, written by hand.
extension Subcommand {
    static var help: String {
        var text = usageText + "\n"
        if !explanation.isEmpty { text += "\n" + explanation }
        let list = optionList
        if !list.isEmpty { text += "\nOptions:\n" + list }
        return text
    }

    /// `Usage: koers report halfyear YYYY-Hn [--as-of YYYY-MM-DD] …`, one line per usage, wrapped
    /// at 80 columns under the first option.
    static var usageText: String {
        usages.enumerated().map { index, usage in
            var head = "koers " + name
            switch usage.selector {
            case .none: break
            case .word(let word): head += " " + word
            case .flag(let flag): head += " --" + flag.name
            }
            let indent = String(repeating: " ", count: min(7 + head.count + 1, 40))
            var line = (index == 0 ? "Usage: " : "       ") + head
            if !usage.operands.isEmpty { line += " " + usage.operands }
            var lines: [String] = []
            for option in usage.options where usage.selector != .flag(option) {
                let word = option.isRequired ? option.spelling : "[\(option.spelling)]"
                if line.count + 1 + word.count > CommandHelp.width && line.count > indent.count {
                    lines.append(line)
                    line = indent + word
                } else {
                    line += " " + word
                }
            }
            return (lines + [line]).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Every option once, with what it does; an option only some usages take says which.
    /// The same name with another meaning in another usage (`--format` of `report show`) is listed again.
    static var optionList: String {
        var entries: [(option: CommandOption, labels: [String])] = []
        for usage in usages {
            for option in usage.options {
                if let index = entries.firstIndex(where: { $0.option == option }) {
                    entries[index].labels.append(usage.label(name))
                } else {
                    entries.append((option, [usage.label(name)]))
                }
            }
        }
        return CommandHelp.list(entries.map { option, labels in
            let users = usages.filter { $0.option(option.name) == option }
            let selects = users.count == 1 && users[0].selector == .flag(option)
            let help = labels.count == usages.count || selects
                ? option.help : labels.joined(separator: ", ") + ": " + CommandHelp.lowered(option.help)
            return (option.spelling, help)
        })
    }
}

/// How help texts are laid out.
enum CommandHelp {
    /// As wide as the explanations are written.
    static let width = 100

    /// `  --on YYYY-MM-DD  The day …`, the descriptions in one column, wrapped; a spelling too long
    /// for the column (`--role ROLE[:DUTY][,ROLE[:DUTY]…]`) stands on a line of its own.
    static func list(_ entries: [(spelling: String, help: String)]) -> String {
        let column = 2 + (entries.map(\.spelling.count).filter { $0 <= 24 }.max() ?? 0) + 2
        let indent = String(repeating: " ", count: column)
        return entries.map { spelling, help in
            let head = "  " + spelling
            let text = TextLayout.wrap(help, width: width, indent: indent, firstIndent: column)
            return head.count + 2 > column ? head + "\n" + indent + text : TextLayout.pad(head, column) + text
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }

    /// `The new label` after `export: ` reads `the new label`; `JSON` stays.
    static func lowered(_ help: String) -> String {
        guard let second = help.dropFirst().first, !second.isUppercase else { return help }
        return help.prefix(1).lowercased() + help.dropFirst()
    }
}
