// libFuzzer target fuzz-shell: see FuzzChecks.run in fuzz/Sources/FuzzSupport and fuzz/README.md.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let problems = FuzzChecks.run("fuzz-shell", Array(UnsafeBufferPointer(start: data, count: size)))
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
    return 0
}
