import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// logcheck reads JavaScript and PM2's `.json` files with its own reader and never evaluates
/// them: code with side effects stays text, and what it would compute is `unknown`.
@Suite struct NeverRunsCodeTests {
    static let executable = logcheckExecutable

    /// A file whose evaluation by Node would create `marker` files.
    static func sideEffects(_ dir: String) -> String {
        """
        const { execSync } = require('child_process');
        execSync('touch \(dir)/marker-toplevel');
        require('fs').writeFileSync('\(dir)/marker-fs', 'ran');
        const name = (() => { execSync('touch \(dir)/marker-iife'); return 'api'; })();
        module.exports = {
          apps: [{
            name,
            script: require('child_process').execSync('touch \(dir)/marker-script && echo app.js').toString(),
            get instances() { execSync('touch \(dir)/marker-getter'); return 4; },
            cwd: `${execSync('touch \(dir)/marker-template')}`,
            env: { LOG4JS_CONFIG: process.env.LOG_CONFIG || execSync('touch \(dir)/marker-env').toString() },
          }],
        };
        """
    }

    @Test func theValuesAreUnknown() throws {
        let text = Self.sideEffects("/tmp/never")
        let result = ScriptReader.readModule(SourceFile(path: "ecosystem.config.js", text: text))
        let app = try #require(result.read.root?["apps"]?.elements.first)
        #expect(app["name"]?.unknownKind == .call)  // the IIFE's result
        #expect(app["script"]?.unknownKind == .call)
        #expect(app["cwd"]?.unknownKind == .template)
        #expect(app["env"]?["LOG4JS_CONFIG"]?.unknownKind == .expression)
        #expect(app["instances"]?.unknownKind == .function)  // a getter
    }

    @Test func runningLogcheckCreatesNoMarker() throws {
        let dir = try tree([:])
        try Self.sideEffects(dir).write(toFile: dir + "/ecosystem.config.js", atomically: false, encoding: .utf8)
        try ("[" + Self.sideEffects(dir).replacing("module.exports = ", with: "") + "]").write(
            toFile: dir + "/ecosystem.json", atomically: false, encoding: .utf8)
        for arguments in [
            [dir], [dir + "/ecosystem.config.js", "--fix", "--unsafe-fixes"], [dir + "/ecosystem.json", "-v"],
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["ecosystem.config.js", "ecosystem.json"])
    }

    /// The sources never start a process: no API that spawns or evaluates is used anywhere.
    @Test func theSourcesCannotStartAProcess() throws {
        // Calls that start a program or load code; `.system(` (an error case) is not one.
        let forbidden = [
            "posix_spawn", "execv(", "execvp(", "execve(", "execl(", "popen(", "fork(", "vfork(", "Process(", "NSTask",
            "dlopen(",
        ]
        var found: [String] = []
        let sources = repositoryRoot + "/Sources"
        let files = FileManager.default.enumerator(atPath: sources)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".swift")
        }
        #expect(files.count > 100)
        for file in files {
            let lines = try String(contentsOfFile: sources + "/" + file, encoding: .utf8).split(separator: "\n")
            for (k, line) in lines.enumerated() {
                let code = line.replacing("cluster.fork()", with: "")
                var hits = forbidden.filter { code.contains($0) }
                // `system(` as a call of its own (not `Ecosystem(`, `.system(`, `case system(`).
                let bytes = Array(code.utf8)
                let call = Array("system(".utf8)
                for i in bytes.indices where bytes[i...].starts(with: call) {
                    let before = i > 0 ? bytes[i - 1] : 0x20
                    let partOfWord =
                        (before >= 0x41 && before <= 0x5A) || (before >= 0x61 && before <= 0x7A) || before == 0x5F
                        || before == 0x2E
                    if !partOfWord && !code.contains("case system(") { hits.append("system(") }
                }
                found += hits.map { "\(file):\(k + 1): \($0)" }
            }
        }
        #expect(found == [])
    }
}
