/// The words after the command name, split into options and positionals. Options may come before
/// or after positionals; `--name=value` and `--name value` are both accepted; `--` ends options.
struct Arguments {
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// What a command accepts, for parsing and for `--help`.
    struct Spec {
        var valueOptions: [String] = []
        var flags: [String] = []
    }

    static let globalValueOptions = ["config", "now"]
    static let globalFlags = ["json", "help"]

    static func parse(_ words: [String], spec: Spec) throws(UsageError) -> Arguments {
        var result = Arguments()
        let valueOptions = Set(spec.valueOptions + globalValueOptions)
        let flags = Set(spec.flags + globalFlags)
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
            guard word.hasPrefix("--") else { throw UsageError("unknown option \(word)") }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if valueOptions.contains(name) {
                if let inlineValue {
                    result.options[name] = inlineValue
                } else {
                    guard i < words.count else { throw UsageError("--\(name) needs a value") }
                    result.options[name] = words[i]
                    i += 1
                }
            } else if flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                result.flags.insert(name)
            } else {
                let known = (spec.valueOptions + spec.flags + globalValueOptions + globalFlags).map { "--\($0)" }
                throw UsageError("unknown option --\(name); this command accepts \(known.joined(separator: ", "))")
            }
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
