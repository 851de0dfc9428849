/// One way of calling a command, one line of its usage: the command itself (`koers agenda`), an
/// action named by a word (`koers report show ID`) or by a flag (`koers measure --list`), with the
/// options it takes and what it does. An option of another usage of the same command is refused.
struct CommandUsage: Sendable {
    enum Selector: Sendable, Equatable {
        /// The command without an action word, or with positionals of its own.
        case none
        /// The first positional names the action; the action's own positionals follow it.
        case word(String)
        /// The flag turns the command into another action.
        case flag(CommandOption)
    }

    let selector: Selector
    /// What follows the action in the usage line, before the options: `ID EVENT`.
    let operands: String
    /// Every option it takes (a flag selector's own flag first), global ones it says more about included.
    let options: [CommandOption]
    /// How an option of another usage is refused, after its name; nil: `does not go with` this usage.
    let misfit: String?
    let run: @Sendable (CommandContext) throws -> CommandOutput

    init(_ selector: Selector = .none, _ operands: String = "", options: [CommandOption] = [], misfit: String? = nil,
         run: @escaping @Sendable (CommandContext) throws -> CommandOutput) {
        self.selector = selector
        self.operands = operands
        if case .flag(let flag) = selector {
            self.options = [flag] + options
        } else {
            self.options = options
        }
        self.misfit = misfit
        self.run = run
    }

    /// The command itself, with positionals: `koers set STEP STATUS`.
    init(_ operands: String, options: [CommandOption] = [], run: @escaping @Sendable (CommandContext) throws -> CommandOutput) {
        self.init(.none, operands, options: options, run: run)
    }

    /// `koers report show`, `koers measure --list`, `koers agenda`: how messages name it.
    func reference(_ command: String) -> String {
        switch selector {
        case .none: "`koers \(command)`"
        case .word(let word): "`koers \(command) \(word)`"
        case .flag(let flag): "`koers \(command) --\(flag.name)`"
        }
    }

    /// As `reference`, but a flag alone: `--on does not go with --list`.
    func briefReference(_ command: String) -> String {
        if case .flag(let flag) = selector { return "--" + flag.name }
        return reference(command)
    }

    /// How the option list marks what only some usages take: the action word, the flag, or the command.
    func label(_ command: String) -> String {
        switch selector {
        case .none: command
        case .word(let word): word
        case .flag(let flag): "--" + flag.name
        }
    }

    func option(_ name: String) -> CommandOption? { options.first { $0.name == name } }

    /// The second line of a refused option: "`koers starter list` accepts --all, --json".
    func accepted(_ command: String) -> String {
        var own = options
        if case .flag(let flag) = selector { own.removeAll { $0 == flag } }
        guard !own.isEmpty else { return "\(reference(command)) takes no options of its own" }
        return "\(reference(command)) accepts " + own.map { "--" + $0.name }.joined(separator: ", ")
    }
}

extension Subcommand {
    /// The usage the command line asks for: the one whose flag is given, else the one its first
    /// positional names, else the command's own. Every option given must belong to it (or be global).
    static func usage(for arguments: Arguments) throws(UsageError) -> CommandUsage {
        let chosen = usages.first { usage in
            if case .flag(let flag) = usage.selector { return arguments.flags.contains(flag.name) }
            return false
        } ?? arguments.positionals.first.flatMap { word in usages.first { $0.selector == .word(word) } }
            ?? usages.first { $0.selector == .none }
        guard let chosen else {
            if let unknown = arguments.unknown.first { throw UsageError("unknown option \(unknown)") }
            let words = usages.compactMap { usage -> String? in
                if case .word(let word) = usage.selector { return word }
                return nil
            }
            guard let word = arguments.positionals.first else {
                throw UsageError("missing \(actionNoun) (\(words.joined(separator: ", ")))")
            }
            throw UsageError("unknown \(actionNoun) \"\(word)\"; expected "
                             + (words.count == 1 ? words[0] : "one of: " + words.joined(separator: ", ")))
        }
        if let unknown = arguments.unknown.first { throw UsageError("unknown option \(unknown)\n" + chosen.accepted(name)) }
        let globals = Set(CommandOption.globals.map(\.name))
        if let stray = arguments.given.first(where: { chosen.option($0) == nil && !globals.contains($0) }) {
            throw UsageError("--\(stray) " + (chosen.misfit ?? "does not go with \(chosen.briefReference(name))") + "\n"
                             + chosen.accepted(name))
        }
        return chosen
    }
}
