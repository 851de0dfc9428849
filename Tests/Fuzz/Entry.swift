import Foundation

// The libFuzzer entry points. `scripts/fuzz` compiles this file with the targets in
// Tests/KoersTests/Fuzz/Targets into one binary and names the target in KOERS_FUZZ_TARGET.

/// The target's name, checked once before the first input by `LLVMFuzzerInitialize`.
nonisolated(unsafe) private var targetName = ""

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> CInt {
    targetName = ProcessInfo.processInfo.environment["KOERS_FUZZ_TARGET"] ?? ""
    if FuzzTargets.named(targetName) == nil {
        let names = FuzzTargets.all.map { $0.name }.joined(separator: ", ")
        FileHandle.standardError.write(Data("KOERS_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(64)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let failure = FuzzTargets.failure(of: targetName, input) {
        // An abort is what libFuzzer saves as a crash, with the input that caused it.
        FileHandle.standardError.write(Data("\nkoers-fuzz \(targetName): invariant broken: \(failure)\n".utf8))
        abort()
    }
    return 0
}
