import LogCheckKit
import LogCheckSyntax
import Testing

/// The command line as PM2 7.0.3 reads it (docs/evidence/pm2.md, "The command line"): commander
/// 2.15.1's splitting, each program's option table, and the app fields `Config.filterOptions`
/// gives.
@Suite struct PM2CommandLineTests {
    /// Words split at spaces, with their spans in `text`; a word starting with `$` is known
    /// only at run time.
    static func command(_ text: String) -> ShellCommand {
        var words: [ShellWord] = []
        var assignments: [ShellAssignment] = []
        var start = 0
        for part in text.split(separator: " ", omittingEmptySubsequences: false) {
            let span = Span(start, start + part.utf8.count)
            start += part.utf8.count + 1
            guard !part.isEmpty else { continue }
            let value: String? = part.hasPrefix("$") ? nil : String(part)
            if words.isEmpty, let eq = part.firstIndex(of: "="), part.first?.isLetter == true {
                let name = String(part[..<eq])
                let v = String(part[part.index(after: eq)...])
                assignments.append(ShellAssignment(name: name, value: ShellWord(v, span: span), span: span))
                continue
            }
            words.append(ShellWord(value, span: span))
        }
        return ShellCommand(assignments: assignments, words: words, span: Span(0, text.utf8.count))
    }

    static func line(_ text: String) throws -> PM2CommandLine {
        try #require(PM2CommandLine.find(in: command(text)))
    }

    static func fields(_ line: PM2CommandLine) -> [String] {
        line.appFields.map { f in
            switch f.value {
            case .string(let s): "\(f.key)=\"\(s)\""
            case .number(let n): "\(f.key)=\(n.javaScriptText)"
            case .bool(let b): "\(f.key)=\(b)"
            case .unknown: "\(f.key)=?"
            }
        }
    }

    static func problems(_ line: PM2CommandLine) -> [String] {
        line.problems.map { p in
            let at = "\(p.word.span.start)-\(p.word.span.end)"
            switch p.kind {
            case .unknownOption(let s): return "unknown \(p.word.value ?? "?") → \(s ?? "-") @\(at)"
            case .missingValue(let o): return "missing \(o) @\(at)"
            case .ignoredWithEcosystemFile(let o): return "ignored \(o) @\(at)"
            case .unknownCommand(let s): return "command \(p.word.value ?? "?") → \(s ?? "-") @\(at)"
            }
        }
    }

    @Test func startScriptInClusterMode() throws {
        let l = try Self.line("pm2 start app.js -i 0 --name api --merge-logs")
        #expect(l.program == .pm2)
        #expect(l.action == .start)
        #expect(l.actionWord?.value == "start")
        #expect(l.target == ShellWord("app.js", span: Span(10, 16)))
        #expect(!l.targetIsEcosystemFile)
        #expect(Self.fields(l) == ["instances=0", "name=\"api\"", "merge_logs=true"])
        #expect(l.appFields[0].flag.span == Span(17, 19))
        #expect(l.appFields[0].valueWord?.span == Span(20, 21))
        #expect(l.problems.isEmpty)
    }

    @Test func instancesWordsAndNumbers() throws {
        #expect(Self.fields(try Self.line("pm2 start app.js -i max")) == ["instances=\"max\""])
        #expect(Self.fields(try Self.line("pm2 start app.js --instances -1")) == ["instances=-1"])
        #expect(Self.fields(try Self.line("pm2 start app.js -i $N")) == ["instances=?"])
        // commander splits `-i4` into `-i -4`: four CPUs fewer than the machine has.
        #expect(Self.fields(try Self.line("pm2 start app.js -i4")) == ["instances=-4"])
        #expect(Self.fields(try Self.line("pm2 start app.js --instances=3")) == ["instances=3"])
    }

    @Test func flagsNegationsAndOptionalValues() throws {
        let l = try Self.line("pm2 start server.js --no-autorestart -l --time -x --watch -o out.log")
        #expect(
            Self.fields(l) == [
                "autorestart=false", "log_file=true", "time=true", "execute_command=true", "watch=true",
                "out_file=\"out.log\"",
            ])
        #expect(Self.fields(try Self.line("pm2 start server.js -l all.log")) == ["log_file=\"all.log\""])
        #expect(Self.fields(try Self.line("pm2 start server.js -u deploy")) == ["uid=\"deploy\""])
        #expect(
            Self.fields(try Self.line("pm2 start server.js --node-args --max-old-space-size=512")) == [
                "node_args=\"--max-old-space-size=512\""
            ])
    }

    @Test func scriptArgumentsAfterDoubleDash() throws {
        let l = try Self.line("pm2 start npm --name web -- start --port 3000")
        #expect(l.target?.value == "npm")
        #expect(l.scriptArguments.map(\.value) == ["start", "--port", "3000"])
        #expect(Self.fields(l) == ["name=\"web\""])
        #expect(l.problems.isEmpty)
    }

    @Test func ecosystemFileTargetDropsAppOptions() throws {
        let l = try Self.line("pm2 start ecosystem.config.js -i 4 --env production --watch --name x")
        #expect(l.targetIsEcosystemFile)
        #expect(l.ecosystemFile == "ecosystem.config.js")
        #expect(l.appFields.isEmpty)
        #expect(l.environment?.value == "production")
        #expect(Self.problems(l) == ["ignored --instances @30-32", "ignored --name @60-66"])
        // `Common.isConfigFile` looks for the extension anywhere in the name.
        #expect(try Self.line("pm2 startOrReload process.json").targetIsEcosystemFile)
        #expect(try Self.line("pm2 reload deploy/pm2.yml").targetIsEcosystemFile)
        // `pm2 start` alone reads ecosystem.config.js.
        let bare = try Self.line("pm2 start")
        #expect(bare.targetIsEcosystemFile)
        #expect(bare.ecosystemFile == "ecosystem.config.js")
    }

    @Test func unknownOptionsByProgram() throws {
        let l = try Self.line("pm2 start app.js --instance 4 --instance-var ID")
        #expect(l.rejectsUnknownOptions)
        #expect(Self.problems(l) == ["unknown --instance → --instances @17-27", "unknown --instance-var → - @30-44"])
        // commander hands the word after an unknown option on with it: `4` is no target.
        #expect(l.target?.value == "app.js")
        let runtime = try Self.line("pm2-runtime start app.js --merge-logs")
        #expect(!runtime.rejectsUnknownOptions)
        #expect(Self.problems(runtime) == ["unknown --merge-logs → - @25-37"])
    }

    @Test func missingValueAtTheEnd() throws {
        #expect(Self.problems(try Self.line("pm2-runtime app.js --name")) == ["missing --name @19-25"])
        // In the middle, the option takes the next word whatever it is.
        #expect(Self.fields(try Self.line("pm2 start app.js --name -i")) == ["name=\"-i\""])
    }

    @Test func unknownCommand() throws {
        let l = try Self.line("pm2 strat app.js -i 2")
        #expect(l.action == .other)
        #expect(Self.problems(l) == ["command strat → start @4-9"])
        #expect(try Self.line("pm2 save").problems.isEmpty)
        #expect(try Self.line("pm2 logs --lines 100").problems.isEmpty)
    }

    @Test func runtimeAndDevForms() throws {
        let direct = try Self.line("pm2-runtime app.js -i max")
        #expect(direct.program == .pm2Runtime)
        #expect(direct.actionWord == nil)
        #expect(direct.target?.value == "app.js")
        // pm2-runtime's --output and --error default to /dev/null (Runtime4Docker.js:42-43).
        #expect(Self.fields(direct) == ["instances=\"max\"", "out_file=\"/dev/null\"", "error_file=\"/dev/null\""])
        let logged = try Self.line("pm2-runtime app.js --output out.log")
        #expect(Self.fields(logged) == ["out_file=\"out.log\"", "error_file=\"/dev/null\""])
        let docker = try Self.line("pm2-docker start process.yml")
        #expect(docker.program == .pm2Docker)
        #expect(docker.targetIsEcosystemFile)
        #expect(Self.fields(docker).isEmpty)
        // pm2-dev always watches (DevCLI.js:67); its --ignore becomes `ignore_watch` only for
        // an ecosystem file's apps: `_startScript` copies no `ignore_watch` (Config.js:61-75).
        let dev = try Self.line("pm2-dev start app.js --ignore logs")
        #expect(dev.program == .pm2Dev)
        #expect(Self.fields(dev) == ["watch=true"])
        #expect(dev.overrides.watch?.value == "pm2-dev")
        let devFile = try Self.line("pm2-dev ecosystem.config.js --ignore logs,tmp")
        #expect(devFile.overrides.ignoreWatch == ["logs", "tmp", "node_modules"])
        #expect(Self.fields(devFile).isEmpty)
    }

    @Test func oneLetterOptionsGetNoSpellingSuggestion() throws {
        // pm2-runtime has no -l and no --log: nothing is one letter away in a useful sense.
        let runtime = try Self.line("pm2-runtime app.js -l all.log")
        #expect(runtime.problems.map(\.kind) == [.unknownOption(suggestion: nil)])
        // pm2-dev has no -i, and no --instances, which is what pm2 means by it.
        let dev = try Self.line("pm2-dev start app.js -i 2")
        #expect(dev.problems.map(\.kind) == [.unknownOption(suggestion: nil)])
        // A long option is still matched by spelling.
        let long = try Self.line("pm2 start app.js --instance 4")
        #expect(long.problems.map(\.kind) == [.unknownOption(suggestion: "--instances")])
    }

    @Test func ecosystemOverrides() throws {
        // `--watch` without paths reaches an ecosystem file's apps (API.js:324-325, 1002-1003).
        let watch = try Self.line("pm2 start ecosystem.config.js --watch --env production --only api,worker")
        #expect(watch.overrides.watch?.value == "--watch")
        #expect(watch.environment?.value == "production")
        #expect(watch.overrides.only == ["api", "worker"])
        #expect(watch.overrides.starts("worker") == .yes)
        #expect(watch.overrides.starts("web") == .no)
        #expect(watch.problems.isEmpty)
        // With paths it does not (commander gives a list, `_startJson` wants `true`): LC336.
        let paths = try Self.line("pm2 start ecosystem.config.js --watch src")
        #expect(paths.overrides.watch == nil)
        #expect(paths.problems.map(\.word.value) == ["--watch"])
        // commander stores --ignore-watch as `ignoreWatch`; `_startJson` reads `ignore_watch`.
        let ignore = try Self.line("pm2 start ecosystem.config.js --ignore-watch logs")
        #expect(ignore.problems.map(\.kind) == [.ignoredWithEcosystemFile(option: "--ignore-watch")])
        #expect(try Self.line("pm2 start ecosystem.config.js").overrides.watch == nil)
    }

    @Test func severalTargets() throws {
        // `pm2 start a.js b.js` starts each (CLI.js:289-297); restart takes one name.
        let two = try Self.line("pm2 start a.js b.js -i 2")
        #expect(two.scriptTargets.map(\.value) == ["a.js", "b.js"])
        #expect(Self.fields(two) == ["instances=2"])
        let mixed = try Self.line("pm2 start api.config.js worker.json")
        #expect(mixed.ecosystemFiles == ["api.config.js", "worker.json"])
        #expect(mixed.scriptTargets.isEmpty)
        #expect(try Self.line("pm2 restart app.js b.js").targets.map(\.value) == ["app.js"])
    }

    @Test func install() throws {
        let l = try Self.line("pm2 install pm2-intercom")
        #expect(l.action == .install)
        #expect(l.target?.value == "pm2-intercom")
        #expect(l.appFields.isEmpty)
    }

    @Test func wrappersBeforeTheProgram() throws {
        let cases = [
            "exec pm2-runtime app.js",
            "npx pm2 start app.js",
            "npx --yes pm2 start app.js",
            "yarn pm2 start app.js",
            "pnpm exec pm2 start app.js",
            "npm exec -- pm2 start app.js",
            "./node_modules/.bin/pm2 start app.js",
            "/usr/local/bin/pm2-runtime app.js",
            "node node_modules/pm2/bin/pm2 start app.js",
            "nohup pm2 start app.js",
            "sudo -u deploy pm2 start app.js",
            "dumb-init -- pm2-runtime app.js",
            "tini -- pm2-runtime app.js",
            "gosu node pm2-runtime app.js",
        ]
        for c in cases {
            #expect(try Self.line(c).target?.value == "app.js", "\(c)")
        }
        for c in ["npm start", "npm run pm2", "node app.js", "echo pm2 start app.js", "$PM2 start app.js"] {
            #expect(PM2CommandLine.find(in: Self.command(c)) == nil, "\(c)")
        }
    }

    @Test func environmentFromAssignmentsAndEnv() throws {
        let l = try Self.line("NODE_ENV=production env PORT=3000 pm2 start app.js")
        #expect(l.assignments.map(\.name) == ["NODE_ENV", "PORT"])
        #expect(l.assignments.map(\.value.value) == ["production", "3000"])
    }
}
