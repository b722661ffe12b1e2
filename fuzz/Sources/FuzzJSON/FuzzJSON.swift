// libFuzzer target: the strict JSON reader on arbitrary bytes (see fuzz/README.md).
import FuzzSupport
import LogCheckSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = SourceFile(path: "log4js.json", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    FuzzSupport.exercise(JSONReader.read(source), source)
    return 0
}
