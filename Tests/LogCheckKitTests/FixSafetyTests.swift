import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// `--fix` never loses data: on many generated files only the intended bytes change, the result
/// parses, permissions are kept, and a process killed at a random moment leaves each file either
/// as it was or as fixed, never truncated or missing.
@Suite struct FixSafetyTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Every rule example whose fix rewrites one checked file (not `.logcheck.yml`, which
    /// `--fix` does not edit), as (rule, example).
    static let fixable: [(RuleDescription, RuleExample)] = RuleRegistry.all.flatMap { rule in
        rule.examples.filter {
            $0.triggers && $0.fixed.count == 1 && Path.basename($0.fixed.first!.key) != ".logcheck.yml"
        }.map { (rule, $0) }
    }

    @Test func randomisedFixesChangeOnlyTheIntendedBytes() throws {
        #expect(Self.fixable.count >= 20)
        var random = Random(state: 20_261_125)
        var checked = 0
        for (rule, example) in Self.fixable {
            for variant in 0..<4 {
                let dir = try tree([:])
                let modes: [mode_t] = [0o600, 0o640, 0o644, 0o755]
                let mode = modes[random.below(modes.count)]
                let (name, expectedFixed) = example.fixed.first!
                // A comment line above the content where the format has comments: the fix must
                // land at the same place relative to the content, and the comment must stay.
                let comment: String
                switch DocumentLoader.format(of: name) {
                case .yaml?: comment = variant % 2 == 0 ? "# variant \(variant) of \(rule.id)\n" : ""
                case .javascript?: comment = variant % 2 == 0 ? "// variant \(variant) of \(rule.id)\n" : ""
                default: comment = ""
                }
                var paths: [String] = []
                var originals: [String: String] = [:]
                for file in PreparedExample(example.files).sources {
                    let text = (file.path == name ? comment : "") + String(decoding: file.bytes, as: UTF8.self)
                    let path = dir + "/" + file.path
                    try FileManager.default.createDirectory(
                        atPath: Path.dirname(path), withIntermediateDirectories: true)
                    try text.write(toFile: path, atomically: false, encoding: .utf8)
                    chmod(path, mode)
                    originals[path] = text
                    if Path.basename(file.path) != ".logcheck.yml" { paths.append(path) }
                }
                // Only this rule's fixes, so the expected bytes are the example's.
                var arguments = paths + ["--fix", "--quiet", "--select", rule.id]
                if example.unsafeFixes { arguments.append("--unsafe-fixes") }
                if let settings = example.settings {
                    try settings.write(toFile: dir + "/.logcheck.yml", atomically: false, encoding: .utf8)
                    arguments += ["--config", dir + "/.logcheck.yml"]
                } else {
                    arguments.append("--no-config")
                }
                let r = run(arguments)
                #expect(r.code != .usage && r.code != .internalFailure, "\(rule.id): \(r.err)")
                for (path, original) in originals {
                    let now = try readText(path)
                    if path == dir + "/" + name {
                        #expect(now == comment + expectedFixed, "\(rule.id) variant \(variant): \(name)")
                        let doc = DocumentLoader.load(SourceFile(path: path, text: now), input: InputFile(path: path))
                        #expect(!doc.read.hasErrors, "\(rule.id) variant \(variant): the fixed file does not parse")
                    } else {
                        #expect(now == original, "\(rule.id) variant \(variant): \(path) changed")
                    }
                    var st = stat()
                    stat(path, &st)
                    #expect(st.st_mode & 0o777 == mode, "\(rule.id) variant \(variant): mode of \(path)")
                }
                // Nothing else was left in the directory (no temporary file).
                let left = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { !$0.hasSuffix("/") }
                #expect(left.allSatisfy { !$0.contains(".logcheck-") }, "\(rule.id): \(left)")
                checked += 1
            }
        }
        #expect(checked == Self.fixable.count * 4)
    }

    /// An ecosystem file with many fixable findings, large enough that writing it takes a while.
    static func bigFixableEcosystem() -> String {
        var text = "{\"apps\": [\n"
        for k in 0..<600 {
            text +=
                "  {\"name\": \"app-\(k)\", \"script\": \"app.js\", \"exec_mode\": \"Cluster\", \"instances\": 2, \"max_memory_restart\": \"512MB\"}"
                + (k < 599 ? ",\n" : "\n")
        }
        return text + "]}\n"
    }

    @Test func killingTheProcessNeverLeavesAPartialFile() throws {
        let original = Array(Self.bigFixableEcosystem().utf8)
        // The fixed content, from an uninterrupted run.
        let reference = try tree([:])
        try Data(original).write(to: URL(fileURLWithPath: reference + "/ecosystem.json"))
        let started = monotonicMicroseconds()
        #expect(try spawnFix(reference + "/ecosystem.json").waitStatus == 0)
        // Kill points spread over the whole run (reading, checking, fixing, writing, after).
        let duration = max(1_000, monotonicMicroseconds() - started)
        let fixed = Array(try Data(contentsOf: URL(fileURLWithPath: reference + "/ecosystem.json")))
        #expect(fixed != original)
        #expect(String(decoding: fixed, as: UTF8.self).contains("\"exec_mode\": \"cluster\""))

        var random = Random(state: 7)
        var outcomes: [String: Int] = [:]
        for _ in 0..<10 {
            let dir = try tree([:])
            let path = dir + "/ecosystem.json"
            try Data(original).write(to: URL(fileURLWithPath: path))
            let child = try spawnFix(path)
            usleep(UInt32(random.below(duration * 6 / 5)))
            kill(child.pid, SIGKILL)
            _ = child.waitStatus
            let now = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(
                now == original || now == fixed,
                "the file is \(now.count) bytes: neither the original (\(original.count)) nor the fixed (\(fixed.count))"
            )
            outcomes[now == original ? "original" : "fixed", default: 0] += 1
            var st = stat()
            stat(path, &st)
            #expect(st.st_mode & 0o777 == 0o644)
        }
        #expect(outcomes.values.reduce(0, +) == 10)
    }

    func monotonicMicroseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1_000_000 + t.tv_nsec / 1_000
    }

    struct Child {
        var pid: pid_t
        /// Waits for the child; its exit status (or 128 + signal).
        var waitStatus: Int32 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            if status & 0x7F == 0 { return (status >> 8) & 0xFF }
            return 128 + (status & 0x7F)
        }
    }

    /// Starts `logcheck --fix PATH` with output discarded.
    func spawnFix(_ path: String) throws -> Child {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments: [String] = [logcheckExecutable, path, "--fix", "--no-config"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, logcheckExecutable, &actions, nil, argv, environ)
        #expect(rc == 0)
        return Child(pid: pid)
    }
}
