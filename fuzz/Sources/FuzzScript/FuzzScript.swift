// libFuzzer target: the JavaScript reader, as a module and as an expression (see fuzz/README.md).
import FuzzSupport
import LogCheckSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let module = SourceFile(path: "ecosystem.config.js", bytes: bytes)
    FuzzSupport.exercise(ScriptReader.readModule(module).read, module)
    let expression = SourceFile(path: "ecosystem.json", bytes: bytes)
    FuzzSupport.exercise(ScriptReader.readExpression(expression).read, expression)
    return 0
}
