// libFuzzer target: the YAML reader on arbitrary bytes (see fuzz/README.md).
import FuzzSupport
import LogCheckSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = SourceFile(path: "ecosystem.yml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    FuzzSupport.exercise(YAMLReader.read(source), source)
    return 0
}
