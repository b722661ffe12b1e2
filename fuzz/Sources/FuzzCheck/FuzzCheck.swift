// libFuzzer target: the whole check (reader, model, rules, linking) and the fixes on the result,
// on arbitrary bytes read as each kind of file logcheck reads (see fuzz/README.md).
import LogCheckKit
import LogCheckSyntax

let names = ["ecosystem.config.js", "ecosystem.json", "ecosystem.yml", "log4js.json", "log4js.yaml"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    // The first byte picks the file name (and so the reader and the kind hint).
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let input = FixEngine.Input(file: InputFile(path: name), name: name, bytes: bytes)
    let files = MemoryFiles([name: bytes])
    let outcome = FixEngine(files: files, allowUnsafe: true).run([input])
    // Everything a finding reports must be a valid place in its file.
    for d in outcome.result.diagnostics {
        let span = d.location.span
        precondition(span.start >= 0 && span.start <= span.end && span.end <= d.file.bytes.count, "\(d.rule.id): span \(span) outside the file")
        _ = d.location.start
        _ = d.location.end
    }
    // A fixed file must read without errors it did not have.
    if let fixed = outcome.fixed[name] {
        let doc = DocumentLoader.load(SourceFile(path: name, bytes: fixed), input: InputFile(path: name))
        precondition(doc.read.tree != nil, "a fix made \(name) unreadable")
    }
    return 0
}
