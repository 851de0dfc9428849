/// The words after the command name, split into options and positionals. Options may come before
/// or after positionals; `--name=value` and `--name value` are both accepted; `--` ends options.
/// Whether an option takes a value comes from its declaration (`CommandOption`).
struct Arguments {
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    /// The names of the options given, in their order on the command line.
    var given: [String] = []
    /// Options no usage of the command declares, as written (`--colour`, `-10`): refused once it is
    /// known which usage they were given to, to say what it takes.
    var unknown: [String] = []

    /// A value option given twice, a missing value or a value for a flag is refused here; an
    /// unknown option is kept in `unknown`, and its value (if any) counts as a positional.
    static func parse(_ words: [String], options declared: [CommandOption]) throws(UsageError) -> Arguments {
        var result = Arguments()
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                result.positionals.append(word)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            if word == "-h" { result.flags.insert("help"); continue }
            guard word.hasPrefix("--") else { result.unknown.append(word); continue }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = declared.first(where: { $0.name == name }) else {
                result.unknown.append("--" + name)
                continue
            }
            if option.takesValue {
                guard result.options[name] == nil else { throw UsageError("--\(name) is given twice; give it once") }
                if let inlineValue {
                    result.options[name] = inlineValue
                } else {
                    guard i < words.count else { throw UsageError("--\(name) needs a value: \(option.spelling)") }
                    result.options[name] = words[i]
                    i += 1
                }
            } else {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                result.flags.insert(name)
            }
            if !result.given.contains(name) { result.given.append(name) }
        }
        return result
    }

    func positional(_ index: Int, _ name: String) throws(UsageError) -> String {
        guard index < positionals.count else { throw UsageError("missing \(name)") }
        return positionals[index]
    }

    func expectPositionals(atMost count: Int) throws(UsageError) {
        if positionals.count > count {
            throw UsageError("unexpected argument \"\(positionals[count])\"")
        }
    }
}

/// A mistake in the command line itself: printed with the command's usage, exit 64.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}
