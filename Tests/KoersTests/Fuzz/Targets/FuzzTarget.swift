import Foundation
@testable import KoersModel

/// An input that breaks an invariant; the fuzzing entry point aborts on it, so libFuzzer saves the
/// input as a crash, and the corpus replay test reports it as a failure.
struct FuzzFailure: Error, CustomStringConvertible {
    var description: String
}

/// Something that takes arbitrary bytes and must never crash, hang or break its invariants.
///
/// The same code runs in two places: `scripts/fuzz` compiles this folder into a libFuzzer binary
/// (`Tests/Fuzz/Entry.swift`), and `FuzzCorpusTests` replays the seed corpus
/// (`Tests/Fuzz/corpus/NAME/`) and every saved crash (`Tests/Fuzz/regressions/NAME/`) through it.
/// A new target is one file in this folder plus its line in `FuzzTargets.all`.
protocol FuzzTarget: SendableMetatype {
    /// The name for `scripts/fuzz NAME` and of the corpus folder.
    static var name: String { get }
    /// Returns normally for every input, throws when an invariant does not hold.
    static func check(_ input: [UInt8]) throws(FuzzFailure)
}

extension FuzzTarget {
    static func failure(_ input: [UInt8]) -> FuzzFailure? {
        do {
            try check(input)
            return nil
        } catch {
            return error
        }
    }
}

enum FuzzTargets {
    static let all: [any FuzzTarget.Type] = [
        JSONFuzzTarget.self,
        AgendaFuzzTarget.self,
        ConfigFuzzTarget.self,
        HolidaysFuzzTarget.self,
        CSVFuzzTarget.self,
        ScanCSVFuzzTarget.self,
        MessageFuzzTarget.self,
        InboundFuzzTarget.self,
    ]

    static func named(_ name: String) -> (any FuzzTarget.Type)? {
        all.first { $0.name == name }
    }

    /// What `name`'s target finds wrong with `input`, or nil.
    static func failure(of name: String, _ input: [UInt8]) -> FuzzFailure? {
        guard let target = named(name) else { return FuzzFailure(description: "no fuzz target \(name)") }
        return target.failure(input)
    }
}

/// Throws a `FuzzFailure` saying `message` when `condition` is false.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(description: message()) }
}

extension Array where Element == UInt8 {
    /// The input cut at every `separator` byte: how targets with several text fields read one input.
    func fields(separatedBy separator: UInt8, count: Int) -> [String] {
        var parts = split(separator: separator, maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        while parts.count < count { parts.append("") }
        return parts
    }
}
