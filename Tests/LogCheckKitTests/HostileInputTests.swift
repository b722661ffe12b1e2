import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// Hostile inputs against the real executable, each run under a CPU-time and memory limit set
/// with `ulimit` (the kernel kills a run that exceeds them, and the test then fails on the exit
/// status): a diagnostic or exit code 2, never a crash, a hang or unbounded memory.
@Suite struct HostileInputTests {
    static let executable = logcheckExecutable
    /// Limits for every run: CPU seconds and virtual memory (KiB).
    static let cpuSeconds = 60
    static let memoryKiB = 4 * 1024 * 1024

    struct Run {
        var status: Int32
        var out: String
        var err: String
        /// Killed by a signal (SIGXCPU or SIGKILL from a limit, SIGSEGV from a stack overflow …).
        var signalled: Bool
    }

    func bounded(_ arguments: [String], cwd: String? = nil, asUser uid: Int? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // Under AddressSanitizer (make test-sanitizers) the shadow memory needs terabytes of address
        // space, so the memory bound is the sanitizer's own resident-size limit instead.
        var script = "ulimit -t \(Self.cpuSeconds); "
        if ProcessInfo.processInfo.environment["LOGCHECK_SANITIZER"] == "address" {
            script += "export ASAN_OPTIONS=hard_rss_limit_mb=\(Self.memoryKiB / 1024):detect_leaks=1; "
        } else {
            script += "ulimit -v \(Self.memoryKiB); "
        }
        if let uid {
            script += "exec setpriv --reuid=\(uid) --regid=\(uid) --clear-groups \"$0\" \"$@\""
        } else {
            script += "exec \"$0\" \"$@\""
        }
        var executable = Self.executable
        if uid != nil {
            // Another user may not reach the build directory (a checkout under /root): run a copy.
            let copy = try tree([:]) + "/logcheck"
            try FileManager.default.copyItem(atPath: executable, toPath: copy)
            chmod(copy, 0o755)
            executable = copy
        }
        process.arguments = ["-c", script, executable] + arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        // Output goes to files, so a large output cannot block the child on a full pipe.
        let outputs = try tree([:])
        #expect(FileManager.default.createFile(atPath: outputs + "/out", contents: nil))
        #expect(FileManager.default.createFile(atPath: outputs + "/err", contents: nil))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputs + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: outputs + "/err"))
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, out: try readText(outputs + "/out"), err: try readText(outputs + "/err"),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: Path.dirname(path), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func theExecutableIsBuilt() {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.executable), "build it first: swift build --build-tests")
    }

    @Test(
        arguments: [(String, String, String)]([
            ("ecosystem.json", "", ""),
            ("log4js.json", "", ""),
            ("ecosystem.yml", "apps: ", ""),
            ("ecosystem.config.js", "module.exports = ", ";"),
        ]))
    func millionDeepNesting(_ name: String, _ before: String, _ after: String) throws {
        let dir = try tree([:])
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] where !(name.hasSuffix(".yml") && open != "[") {
            let text =
                before + String(repeating: open, count: 1_000_000) + "1" + String(repeating: close, count: 1_000_000)
                + after
            try write(dir + "/" + name, Array(text.utf8))
            let r = try bounded([dir + "/" + name, "--format", "github"])
            #expect(!r.signalled, "\(name) \(open): killed (\(r.status))")
            #expect(r.status == 1, "\(name) \(open): \(r.err)")
            #expect(
                r.out.contains("title=LC007 nesting-too-deep::nesting is deeper than 100 levels"),
                "\(name) \(open): \(r.out.prefix(300))")
        }
    }

    @Test func aliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...12 {
            text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let dir = try tree(["ecosystem.yml": "apps:\n  - name: api\n    script: a.js\n" + text])
        let r = try bounded([dir + "/ecosystem.yml", "--format", "github"])
        #expect(r.status == 1 && !r.signalled)
        #expect(r.out.contains("title=LC008 alias-bomb::YAML aliases here expand to more than 1000000 nodes"))
    }

    /// Launch files (the PM2 command lines of package.json, Dockerfiles, compose files, shell
    /// scripts): a diagnostic or a plain result within the limits, never a crash or a hang.
    @Test(
        arguments: [(String, String, String)]([
            // 100 MB of package.json around a script that starts PM2.
            (
                "package.json", "big",
                "{\"name\": \"x\", \"description\": \"" + String(repeating: "d", count: 100_000_000)
                    + "\", \"scripts\": {\"start\": \"pm2 start app.js -i 0\"}}\n"
            ),
            // 300,000 commands in one script.
            (
                "package.json", "chain",
                "{\"scripts\": {\"start\": \"pm2 start app.js -i 0" + String(repeating: " && true", count: 300_000)
                    + "\"}}\n"
            ),
            // A line continued 300,000 times.
            (
                "Dockerfile", "continuations",
                "FROM node\nRUN pm2 install pm2-intercom \\\n" + String(repeating: " x \\\n", count: 300_000)
            ),
            ("run.sh", "continuations", String(repeating: "pm2 start a.js \\\n", count: 300_000)),
            // A hundred thousand nested command substitutions and lists.
            (
                "run.sh", "nesting",
                String(repeating: "echo $(", count: 100_000) + String(repeating: ")", count: 100_000)
            ),
            (
                "docker-compose.yml", "nesting",
                "services:\n  web:\n    command: " + String(repeating: "[", count: 100_000)
                    + String(repeating: "]", count: 100_000) + "\n"
            ),
            (
                "Procfile", "long line",
                "web: pm2-runtime start app.js" + String(repeating: " -i 2", count: 300_000) + "\n"
            ),
        ]))
    func launchFiles(_ name: String, _ what: String, _ text: String) throws {
        let dir = try tree([:])
        try write(dir + "/" + name, Array(text.utf8))
        let r = try bounded([dir + "/" + name, "--format", "github", "--no-config"])
        #expect(!r.signalled, "\(name) (\(what)): killed (\(r.status))")
        #expect(r.status == 0 || r.status == 1, "\(name) (\(what)): \(r.err)")
        if what == "nesting" {
            #expect(r.out.contains("title=LC007 nesting-too-deep::"), "\(name) (\(what)): \(r.out.prefix(300))")
        }
    }

    @Test func aDockerfileOfBinaryBytes() throws {
        let dir = try tree([:])
        try write(dir + "/Dockerfile", Array((0...255).map { UInt8($0) }) + Array(repeating: 0xFF, count: 100_000))
        let r = try bounded([dir + "/Dockerfile", "--format", "github", "--no-config"])
        #expect(r.status == 1 && !r.signalled, "\(r.err)")
        // Bytes 0x00-0x7F are valid UTF-8 (with two line breaks); 0x80 is the first that is not.
        #expect(
            r.out.hasPrefix(
                "::error file=\(dir)/Dockerfile,line=3,col=115,endLine=3,endColumn=115,title=LC001 invalid-encoding::the file is not valid UTF-8 (byte 0x80 at offset 128)"
            ), "\(r.out.prefix(400))")
        #expect(r.out.split(separator: "\n").count == 1, "\(r.out.prefix(400))")
    }

    @Test func aOneGigabyteFileIsRefusedWithoutReadingIt() throws {
        let dir = try tree([:])
        let path = dir + "/ecosystem.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        for arguments in [[path], [dir]] {
            let r = try bounded(arguments)
            #expect(r.status == 2 && !r.signalled)
            #expect(
                r.err
                    == "logcheck: \(path): the file is 1073741824 bytes, above logcheck's limit of 134217728 bytes (128 MiB); no real config is this large\n"
            )
        }
    }

    @Test(
        arguments: [(String, [UInt8], String)]([
            (
                "NUL byte", Array("{\"apps\": [{\"name\": \"a\u{0}\", \"script\": \"a.js\"}]}".utf8),
                "line=1,col=22,endLine=1,endColumn=23,title=LC001 invalid-encoding::the file contains a NUL byte at offset 21; it looks like a binary file, not a config"
            ),
            (
                "invalid UTF-8",
                Array("{\"apps\": [{\"name\": \"".utf8) + [0xFF, 0xFE, 0xC3]
                    + Array("\", \"script\": \"a.js\"}]}".utf8),
                "line=1,col=21,endLine=1,endColumn=22,title=LC001 invalid-encoding::the file is not valid UTF-8 (byte 0xFF at offset 20)"
            ),
            (
                "UTF-16 with BOM", [0xFF, 0xFE] + Array("{\"apps\": []}".utf8).flatMap { [$0, 0] },
                "line=1,col=1,endLine=1,endColumn=3,title=LC001 invalid-encoding::the file is UTF-16 (it starts with a UTF-16 byte order mark)"
            ),
        ]))
    func badEncodings(_ what: String, _ bytes: [UInt8], _ finding: String) throws {
        let dir = try tree([:])
        try write(dir + "/ecosystem.json", bytes)
        let r = try bounded([dir + "/ecosystem.json", "--format", "github"])
        #expect(r.status == 1 && !r.signalled, "\(what): \(r.err)")
        #expect(r.out.hasPrefix("::error file=\(dir)/ecosystem.json,\(finding)"), "\(what): \(r.out)")
        #expect(r.out.split(separator: "\n").count == 1, "\(what): \(r.out)")
    }

    @Test func notRegularFiles() throws {
        let dir = try tree(["sub/x.txt": ""])
        #expect(mkfifo(dir + "/ecosystem.json", 0o644) == 0)
        let fifo = try bounded([dir + "/ecosystem.json"])
        #expect(fifo.status == 2 && !fifo.signalled)
        #expect(
            fifo.err
                == "logcheck: \(dir)/ecosystem.json: not a regular file (a device, FIFO or socket); logcheck reads only regular files\n"
        )
        let zero = try bounded(["--ecosystem", "/dev/zero"])
        #expect(
            zero.status == 2
                && zero.err
                    == "logcheck: /dev/zero: not a regular file (a device, FIFO or socket); logcheck reads only regular files\n"
        )
        let directory = try bounded(["--log4js", dir + "/sub"])
        #expect(directory.status == 2 && directory.err == "logcheck: \(dir)/sub: is a directory\n")
        // In a searched directory, a FIFO with a config's name is skipped, never opened for reading.
        let searched = try bounded([dir])
        #expect(searched.status == 0 && searched.out == "No problems found in 0 files.\n")
    }

    @Test func symlinkLoopsAndDeepTrees() throws {
        let dir = try tree(["a/ecosystem.yml": "apps:\n  - name: api\n    script: a.js\n"])
        #expect(symlink("..", dir + "/a/up") == 0)
        #expect(symlink(dir + "/a/self", dir + "/a/self") == 0)
        var deep = dir + "/deep"
        for _ in 0..<1_000 { deep += "/d" }
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try "apps:\n  - name: deep\n    script: d.js\n    deploy_group: x\n".write(
            toFile: deep + "/ecosystem.yml", atomically: false, encoding: .utf8)
        // The loops are not followed; the walk stops at 64 levels and says where (exit 2: not
        // everything was checked); what lies above is checked.
        let r = try bounded([dir, "--format", "github"])
        #expect(!r.signalled)
        #expect(r.status == 2)
        let stopped = dir + "/deep" + String(repeating: "/d", count: 64)
        #expect(r.err == "logcheck: \(stopped): not searched, deeper than 64 directory levels\n")
        #expect(r.out == "")
        let text = try bounded([dir])
        #expect(text.out == "No problems found in 1 file.\n")
    }

    @Test func oddPaths() throws {
        let name = "my app/ecosystème prod\nv2.config.js"
        let dir = try tree([name: "module.exports = { apps: [{ name: 'api', script: 'a.js', deploy_group: 'x' }] };\n"])
        for arguments in [[dir + "/" + name], [dir]] {
            let r = try bounded(arguments + ["--format", "json"])
            #expect(r.status == 0 && !r.signalled, "\(r.err)")
            let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            let diagnostics = json["diagnostics"] as! [[String: Any]]
            #expect(diagnostics.map { $0["file"] as! String } == [dir + "/" + name])
        }
        let github = try bounded([dir + "/" + name, "--format", "github"])
        #expect(
            github.out.hasPrefix("::warning file=\(dir)/my app/ecosystème prod%0Av2.config.js,line=1,"), "\(github.out)"
        )
    }

    @Test func aFileThatVanishesOrCannotBeReadAfterListing() throws {
        // Listed, then deleted before it is read (a dangling symlink is what the walk then sees),
        // and a file the running user may not read (run as nobody when the tests run as root).
        let dir = try tree(["config/log4js.json": "{}", "ecosystem.json": "{\"apps\": []}"])
        let listed = InputCollector.collect(paths: [dir]).files.map(\.path)
        #expect(listed.contains(dir + "/config/log4js.json"))
        try FileManager.default.removeItem(atPath: dir + "/config/log4js.json")
        #expect(FileSystem.readFile(dir + "/config/log4js.json") == .failure(.notFound))
        #expect(symlink(dir + "/gone.json", dir + "/config/log4js-link.json") == 0)
        let dangling = try bounded([dir + "/config/log4js-link.json"])
        #expect(
            dangling.status == 2
                && dangling.err == "logcheck: \(dir)/config/log4js-link.json: no such file or directory\n")

        chmod(dir, 0o755)
        chmod(dir + "/ecosystem.json", 0)
        let unreadable = try bounded([dir + "/ecosystem.json"], asUser: getuid() == 0 ? 65534 : nil)
        #expect(unreadable.status == 2 && !unreadable.signalled)
        #expect(unreadable.err == "logcheck: \(dir)/ecosystem.json: permission denied\n")
    }
}
