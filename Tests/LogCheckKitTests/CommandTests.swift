import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct CommandTests {
    let validLog4js =
        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#

    @Test func helpAndVersion() {
        let help = run(["--help"])
        #expect(help.code == .clean)
        #expect(help.out.hasPrefix("logcheck \(LogCheck.version): check PM2 ecosystem files and log4js configs"))
        #expect(help.out.contains("--format FORMAT"))
        #expect(help.out.contains("EXIT CODES:"))
        #expect(run(["-V"]).out == "logcheck \(LogCheck.version)\n")
    }

    @Test func unknownOptionIsAUsageError() {
        let r = run(["--fromat", "json", "x.json"])
        #expect(r.code == .usage)
        #expect(
            r.err == "logcheck: unknown option '--fromat'; did you mean '--format'?\nTry 'logcheck --help' for usage.\n"
        )
        #expect(r.out.isEmpty)
    }

    @Test func badOptionValues() {
        #expect(
            run(["--format", "xml"]).err.hasPrefix("logcheck: unknown format 'xml'; use text, json, sarif or github"))
        #expect(run(["--format"]).err.hasPrefix("logcheck: option '--format' needs a value (FORMAT)"))
        #expect(run(["--quiet=yes"]).err.hasPrefix("logcheck: option '--quiet' takes no value"))
        #expect(run(["--fail-on", "fatal"]).code == .usage)
    }

    @Test func missingFileIsExitCode2WithTheName() throws {
        let dir = try tree(["log4js.json": validLog4js])
        let r = run([dir + "/log4js.json", dir + "/missing.json"])
        #expect(r.code == .usage)
        #expect(r.err == "logcheck: \(dir)/missing.json: no such file or directory\n")
        #expect(r.out == "No problems found in 1 file.\n")
    }

    @Test func exitCodes() throws {
        let dir = try tree(["good/log4js.json": validLog4js, "bad/log4js.json": "{,}"])
        #expect(run([dir + "/good/log4js.json"]).code == .clean)
        #expect(run([dir + "/bad/log4js.json"]).code == .findings)
    }

    @Test func stdinWithAName() {
        let r = run(
            ["-", "--stdin-filename", "config/log4js.json", "--format", "json"], stdin: "{\"appenders\": {} // x\n}")
        #expect(r.code == .findings)
        #expect(r.out.contains("\"file\": \"config/log4js.json\""))
        #expect(r.out.contains("\"rule\": \"LC003\""))
    }

    @Test func stdinWithoutANameIsGuessed() {
        let r = run(["-"], stdin: "apps:\n  - script: app.js\n   bad: 1\n")
        #expect(r.code == .findings)
        #expect(r.out.contains("<stdin>:3:"))
    }

    @Test func directoriesAreSearchedSkippingNodeModulesAndGit() throws {
        let dir = try tree([
            "ecosystem.config.js": "module.exports = { apps: [{ script: 'app.js' }] }\n",
            "config/log4js.json": "{\"appenders\": {,}}",
            "node_modules/pkg/log4js.json": "{,}",
            ".git/log4js.json": "{,}",
            "package.json": "{,}",
            "src/app.js": "syntax error (",
        ])
        let r = run([dir, "--format", "json"])
        #expect(r.code == .findings)
        #expect(r.out.contains("\"file\": \"\(dir)/config/log4js.json\""))
        #expect(!r.out.contains("node_modules"))
        #expect(!r.out.contains(".git/"))
        // package.json is read for the PM2 command lines of its scripts: npm cannot read it either.
        #expect(r.out.contains("\"file\": \"\(dir)/package.json\""))
        #expect(!r.out.contains("app.js\""))
        #expect(r.out.contains("\"files\": 3"))
    }

    @Test func unrecognisedFileNamedExplicitly() throws {
        let dir = try tree(["settings.json": "{\"port\": 3000}"])
        let r = run([dir + "/settings.json"])
        #expect(r.code == .clean)
        #expect(r.out.contains("warning[LC011]: logcheck does not recognise this file"))
        let declared = run(["--log4js", dir + "/settings.json"])
        #expect(!declared.out.contains("LC011"))
    }

    @Test func otherToolsConfigJSIsNotTakenForAnEcosystemFile() throws {
        // PM2 would read any *.config.js as an ecosystem file, but webpack, vite and jest share the
        // suffix: without an ecosystem shape or name, it is JavaScript with nothing to check (a
        // pre-commit hook names every staged script), not an app without script.
        let dir = try tree([
            "webpack.config.js": "module.exports = { entry: './src/index.js', mode: 'production' };\n",
            // Written like an ecosystem file that went wrong: that is reported.
            "app.config.js": "module.export = { apps: [{ script: 'server.js' }] };\n",
        ])
        let r = run([dir + "/webpack.config.js", "--format", "github", "--verbose"])
        #expect(r.code == .clean)
        #expect(r.out == "")
        #expect(r.err.contains("logcheck: read \(dir)/webpack.config.js as app code (javascript)\n"))
        let broken = run([dir + "/app.config.js", "--format", "github"])
        #expect(
            broken.out.hasPrefix(
                "::warning file=\(dir)/app.config.js,line=1,col=1,endLine=1,endColumn=1,title=LC011 unrecognised-file::logcheck does not recognise this file"
            ))
    }

    @Test func thousandsOfPathsAreAccepted() throws {
        let dir = try tree(["log4js.json": validLog4js])
        let paths = (0..<20_000).map { _ in dir + "/log4js.json" }
        let r = run(paths)
        #expect(r.code == .clean)
        #expect(r.out == "No problems found in 1 file.\n")
        let options = (0..<20_000).map { "\(dir)/missing-\($0).json" }
        let missing = run(options + ["--quiet"])
        #expect(missing.code == .usage)
        #expect(missing.err.split(separator: "\n").count == 20_000)
    }

    @Test func doubleDashEndsOptions() throws {
        let dir = try tree(["-odd.json": validLog4js])
        let r = run(["--", dir + "/-odd.json"])
        #expect(r.code == .clean)
    }

    @Test func colourFollowsTerminalAndNoColor() throws {
        let dir = try tree(["log4js.json": "{,}"])
        let path = dir + "/log4js.json"
        #expect(run([path], terminal: true).out.contains("\u{1B}[1;31merror[LC003]"))
        #expect(!run([path], terminal: false).out.contains("\u{1B}["))
        #expect(!run([path], variables: ["NO_COLOR": "1"], terminal: true).out.contains("\u{1B}["))
        #expect(!run([path, "--color", "never"], terminal: true).out.contains("\u{1B}["))
        #expect(run([path, "--color", "always"]).out.contains("\u{1B}["))
    }

    /// The executable hands the command the variables it reads, and only those.
    @Test func theExecutablePassesTheVariablesTheCommandReads() throws {
        let dir = try tree(["log4js.json": "{,}"])
        func output(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: logcheckExecutable)
            process.arguments = [dir + "/log4js.json", "--color", "auto", "--no-config"]
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(CommandEnvironment.variablesRead == ["GITHUB_ACTIONS", "NO_COLOR"])
        #expect(try output(["GITHUB_ACTIONS": "true"]).hasPrefix("::error file=\(dir)/log4js.json,line=1,col=2,"))
        #expect(try output(["PATH": "/usr/bin"]).hasPrefix("error[LC003]"))
    }

    @Test func githubFormatIsTheDefaultInGitHubActions() throws {
        let dir = try tree(["log4js.json": "{,}"])
        let r = run([dir + "/log4js.json"], variables: ["GITHUB_ACTIONS": "true"])
        #expect(r.out.hasPrefix("::error file=\(dir)/log4js.json,line=1,col=2,"))
    }

    @Test func quietPrintsOnlyFindings() throws {
        let dir = try tree(["log4js.json": validLog4js])
        #expect(run([dir + "/log4js.json", "-q"]).out == "")
    }

    @Test func fileSystemFailuresHaveMessages() throws {
        let dir = try tree(["a/log4js.json": validLog4js])
        #expect(FileSystem.readFile(dir + "/a") == .failure(.isDirectory))
        #expect(FileSystem.readFile(dir + "/nope") == .failure(.notFound))
        #expect(FileSystem.readFile("/dev/zero") == .failure(.notRegularFile))
        #expect(ReadFailure.permissionDenied.message(for: "x.json") == "x.json: permission denied")
    }

    @Test func statisticsCountsPerRuleMostFrequentFirst() throws {
        let eco =
            "apps:\n  - name: api\n    script: a.js\n    deploy_group: blue\n    deploy_zone: eu\n    instances: lots\n"
        let dir = try tree(["ecosystem.yml": eco])
        let r = run([dir + "/ecosystem.yml", "--statistics"])
        #expect(
            r.out == """
                2  LC304  warning  unknown-app-key
                1  LC307  warning  instances-meaning      [*]
                1  LC308  info     implicit-cluster-mode  [*]
                Found 0 errors, 3 warnings and 1 info in 1 file. 2 fixable with --fix.

                """)
        #expect(run([dir + "/ecosystem.yml", "--statistics", "-q"]).out.hasSuffix("implicit-cluster-mode  [*]\n"))
        let json = run([dir + "/ecosystem.yml", "--statistics", "--format", "json"])
        #expect(json.code == .usage)
        #expect(
            json.err.hasPrefix("logcheck: --statistics prints a text table; it cannot be combined with --format json\n")
        )
    }

    @Test func aVeryLongLineIsShownAsAWindowAroundTheFinding() throws {
        // A minified config: one 2,000-character line with a trailing comma near the middle.
        let padding = (0..<30).map { "\"k\($0)\": {\"type\": \"stdout\"}" }.joined(separator: ", ")
        let text =
            "{\"appenders\": {" + padding
            + ",}, \"categories\": {\"default\": {\"appenders\": [\"k0\"], \"level\": \"info\"}}}"
        let dir = try tree(["log4js.json": text])
        let r = run([dir + "/log4js.json", "--no-config", "--select", "LC003"])
        let comma = Array(text.utf8).firstRange(of: Array(",}".utf8))!.lowerBound
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == " --> \(dir)/log4js.json:1:\(comma + 1)")
        let shown = String(lines[3])
        let bytes = Array(text.utf8)
        let window = String(decoding: bytes[(comma - 80)..<min(bytes.count, comma + 81)], as: UTF8.self)
        #expect(shown == "1 | …" + window + (comma + 81 < bytes.count ? "…" : ""))
        // The caret is under the comma.
        let caret = String(lines[4])
        let column = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        #expect(column.map { shown[shown.index(shown.startIndex, offsetBy: $0)] } == ",")
    }
}
