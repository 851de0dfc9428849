import Foundation

/// Where and when the numbers were taken, printed above the table and stored in the JSON.
struct Machine {
    var date: String
    var cores: Int
    var cpu: String
    var build: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        #if DEBUG
        let build = "debug build (numbers mean little; use -c release)"
        #else
        let build = "release build"
        #endif
        return Machine(date: formatter.string(from: Date()), cores: ProcessInfo.processInfo.activeProcessorCount,
                       cpu: model, build: build)
    }

    var summary: String { "\(date), \(cores) cores, \(cpu), \(build)" }
}
