import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct UtilityTests {
    @Test func pathNormalisation() {
        let cases: [(String, String)] = [
            ("a/b", "a/b"), ("/a/b", "/a/b"), (".", "."), ("/", "/"), ("a", "a"),
            ("./a", "a"), ("a/./b", "a/b"), ("a//b", "a/b"), ("a/b/", "a/b"), ("a/../b", "b"),
            ("../a", "../a"), ("/../a", "/a"), ("a/..", "."), ("..", ".."), ("a/.b/..c", "a/.b/..c"),
            ("", "."), ("//", "/"), ("./", "."),
        ]
        for (path, normal) in cases {
            #expect(Path.normalize(path) == normal, "\(path)")
        }
        #expect(Path.relative("/srv/app/config/log.json", to: "/srv/app/ci", cwd: "/") == "../config/log.json")
        #expect(Path.relative("log.json", to: ".", cwd: "/srv") == "log.json")
    }

    @Test func pathsNormaliseAsSegmentsDo() {
        // The segment-list definition of a normal form, against every path of up to five segments.
        func reference(_ path: String) -> String {
            let absolute = path.utf8.first == UInt8(ascii: "/")
            var parts: [Substring] = []
            for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
                if part == ".." {
                    if let last = parts.last, last != ".." {
                        parts.removeLast()
                        continue
                    }
                    if absolute { continue }
                }
                parts.append(part)
            }
            let joined = (absolute ? "/" : "") + parts.joined(separator: "/")
            return joined.isEmpty ? "." : joined
        }
        let segments = ["", ".", "..", "a", "é", "...", ".b"]
        var paths: [String] = [""]
        var frontier: [[String]] = [[]]
        for _ in 0..<4 {
            frontier = frontier.flatMap { p in segments.map { p + [$0] } }
            paths += frontier.map { $0.joined(separator: "/") }
        }
        paths += paths.map { "/" + $0 } + paths.map { $0 + "/" }
        for path in paths {
            #expect(Path.normalize(path) == reference(path), "\(path)")
        }
        for base in ["", "/", ".", "..", "/srv/app", "srv/../..", "a/./b/"] {
            for relative in paths.prefix(400) {
                let joined = relative.hasPrefix("/") || base.isEmpty ? relative : base + "/" + relative
                #expect(Path.resolve(base, relative) == reference(joined), "\(base) + \(relative)")
            }
        }
    }

    @Test func byteSearch() {
        #expect("ecosystem.config.js".containsBytes(".config."))
        #expect(!"ecosystem.json".containsBytes(".yml"))
        #expect("x".containsBytes(""))
        #expect(!"".containsBytes("x"))
        #expect("app-log4js.yaml".containsBytes("log4js"))
        #expect("é.json".containsBytes(".json"))
        #expect("aaab".containsBytes("aab"))
        #expect("abcab".containsBytes("cab"))
        #expect(!"abcab".containsBytes("abd"))
        #expect("abc".containsBytes("abc"))
        #expect(!"ab".containsBytes("abc"))
        #expect(!"a-b".containsBytes("a--"))
    }

    @Test func byteKeyTable() {
        let words = (0..<500).map { "key_\($0)" }
        let table = ByteKeyTable(words.enumerated().map { ($1, $0) } + [("key_7", 999), ("", 1000), ("é", 1001)])
        for (i, w) in words.enumerated() { #expect(table.value(w) == i, "\(w)") }
        #expect(table.value("key_7") == 7)  // the first value given wins
        #expect(table.value("") == 1000)
        #expect(table.value("é") == 1001)
        #expect(table.value("key_500") == nil)
        #expect(table.value("key_") == nil)
        #expect(table.value("KEY_1") == nil)
    }

    @Test func partitionPoint() {
        let sorted = [1, 3, 3, 5, 8]
        #expect(sorted.partitionPoint { $0 < 3 } == 1)
        #expect(sorted.partitionPoint { $0 <= 3 } == 3)
        #expect(sorted.partitionPoint { $0 < 0 } == 0)
        #expect(sorted.partitionPoint { $0 < 9 } == 5)
        #expect([Int]().partitionPoint { $0 < 1 } == 0)
        #expect(sorted[1...].partitionPoint { $0 < 5 } == 3)  // indexes of the slice
    }

    @Test func parallelMapKeepsOrder() {
        let items = Array(0..<10_000)
        #expect(Parallel.map(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(Parallel.map([1, 2, 3]) { $0 + 1 } == [2, 3, 4])
        #expect(Parallel.map([Int]()) { $0 }.isEmpty)
    }

    @Test func suggestions() {
        let index = Suggest.Index(["instances", "instance_var", "interpreter", "name"])
        #expect(index.close("instanes") == ["instances"])
        #expect(index.closest("instanceVar") == "instance_var")
        #expect(index.closest("completely-different") == nil)
        #expect(Suggest.closest("nmae", among: ["name", "names"]) == "name")
        #expect(Suggest.distance("ab", "ba") == 1)
    }

    @Test func suggestionsStopEarlyOnlyWhenTheWordIsTooFar() {
        // The search gives up on a candidate once two rows of the table are past the limit; it
        // must keep every candidate the full distance keeps.
        let words = PM2Schema.allSpellings
        let typos = [
            "instanes", "exec_mod", "execmode", "max_memory_restrat", "nmae", "scirpt", "cwd_", "enviroment",
            "iinstances",
            "log_date", "out", "ab", "merge_log", "watch_ignore", "kill_timout", "xyz", "a", "autorestart_",
            "ingore_watch",
        ]
        for typo in typos {
            let expected = words.filter {
                Suggest.distance(Suggest.normalized(typo), Suggest.normalized($0))
                    <= max(1, min(3, Suggest.normalized(typo).count / 3))
            }
            #expect(Set(Suggest.Index(words).close(typo)) == Set(expected), "\(typo)")
        }
    }

    @Test func textReportOfManyFindingsIsEachFindingInOrder() {
        // More findings than one window of the parallel text reporter, with a distinct text each.
        let apps = (0..<1500).map { "  - name: app\($0)\n    script: app.js\n    bogus_key_\($0): 1\n" }.joined()
        let diagnostics = check([SourceFile(path: "ecosystem.config.yml", text: "apps:\n" + apps)])
        #expect(diagnostics.count >= 1500)
        let reporter = TextReporter(color: false, quiet: true)
        let one = diagnostics.map { reporter.render(Report(diagnostics: [$0], fileCount: 1)) }
        #expect(Set(one).count == diagnostics.count)
        #expect(reporter.render(Report(diagnostics: diagnostics, fileCount: 1)) == one.joined())
    }

    @Test func colouredTextIsThePlainTextWithStyles() {
        let file = SourceFile(
            path: "ecosystem.config.yml",
            text: "apps:\n  - name: app\n    script: app.js\n    exec_mode: Cluster\n    kill_timout: 3000\n")
        let found = check([file]).sorted(by: Diagnostic.ordered)
        let coloured = TextReporter(color: true, quiet: true).render(Report(diagnostics: found, fileCount: 1))
        let e = "\u{1B}["
        #expect(
            coloured == """
                \(e)1;31merror[LC305]\(e)0m\(e)1m: `pm2 start` aborts every app in this file: Verify "exec_mode" with regex failed, it should be "cluster"("cluster_mode") or "fork"("fork_mode") only (it is case-sensitive)\(e)0m
                 \(e)1;34m-->\(e)0m ecosystem.config.yml:4:16
                 \(e)1;34m |\(e)0m
                \(e)1;34m4 |\(e)0m     exec_mode: Cluster
                 \(e)1;34m |\(e)0m                \(e)1;31m^^^^^^^\(e)0m
                 \(e)1;34m = \(e)0m\(e)1;32mfix\(e)0m (safe fix): write "cluster"

                \(e)1;33mwarning[LC304]\(e)0m\(e)1m: PM2 ignores "kill_timout" without a word; did you mean "kill_timeout"?\(e)0m
                 \(e)1;34m-->\(e)0m ecosystem.config.yml:5:5
                 \(e)1;34m |\(e)0m
                \(e)1;34m5 |\(e)0m     kill_timout: 3000
                 \(e)1;34m |\(e)0m     \(e)1;33m^^^^^^^^^^^\(e)0m
                 \(e)1;34m = \(e)0m\(e)1;32mfix\(e)0m (safe fix): rename "kill_timout" to "kill_timeout"


                """)
        // Without colour, the same text without the escape sequences.
        var plain = ""
        var rest = Substring(coloured)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            plain += rest[..<escape]
            rest = rest[escape...].drop { $0 != "m" }.dropFirst()
        }
        plain += rest
        #expect(TextReporter(color: false, quiet: true).render(Report(diagnostics: found, fileCount: 1)) == plain)
    }

    @Test func findingsSortInReportOrderLikeAStableSort() {
        let apps = (0..<300).map { "  - name: app\($0 % 7)\n    script: app.js\n    bogus_key_\($0 % 11): 1\n" }
            .joined()
        var found = check([
            SourceFile(path: "a.yml", text: "apps:\n" + apps), SourceFile(path: "b.yml", text: "apps:\n" + apps),
        ])
        // Copies that tie in every ordered field, told apart by a note, in a scrambled order.
        found += found
        var scrambled: [Diagnostic] = []
        for (i, d) in found.enumerated() {
            var d = d
            d.notes = ["#\(i)"]
            scrambled.append(d)
        }
        var state: UInt64 = 42
        for i in stride(from: scrambled.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            scrambled.swapAt(i, Int(state >> 33) % (i + 1))
        }
        #expect(scrambled.count > 1000)
        let expected = scrambled.sorted(by: Diagnostic.ordered).map {
            "\($0.file.path) \($0.location.span) \($0.rule.id) \($0.message) \($0.notes)"
        }
        var sorted = scrambled
        sorted.sortInReportOrder()
        #expect(
            sorted.map { "\($0.file.path) \($0.location.span) \($0.rule.id) \($0.message) \($0.notes)" } == expected)
    }

    @Test func camelCaseAsPM2DerivesIt() {
        // Every schema key is ASCII, and camelCase works on bytes.
        #expect(PM2Schema.keys.allSatisfy { $0.name.utf8.allSatisfy { $0 < 0x80 } })
        // Config.js:34-41: split on "_", capitalise segments after the first that are longer than 1.
        let cases = [
            ("max_memory_restart", "maxMemoryRestart"), ("a__bc", "aBc"), ("_x_yz", "xYz"), ("env_", "env"),
            ("a_b", "ab"), ("", ""), ("script", "script"), ("node_args", "nodeArgs"), ("x_1a_b2", "x1aB2"),
        ]
        #expect(cases.map { PM2Schema.camelCase($0.0) } == cases.map(\.1))
    }

    @Test func environmentKeysAsPM2MatchesThem() {
        // ^env_\S*$
        let keys = [
            "env_production", "env_", "env_file", "env_é", "env", "environment", "env-production", "envProduction",
            "env_a b", "env_a\tb", "env_a\nb", "env_a\r\nb", " env_a", "Env_a",
        ]
        #expect(keys.filter(PM2Schema.isEnvironmentKey) == ["env_production", "env_", "env_file", "env_é"])
        // An app's environments: `env` and the keys that match.
        let source = SourceFile(
            path: "ecosystem.json",
            text:
                #"{"apps": [{"script": "a.js", "env": {}, "env_production": {}, "env_a\r\nb": {}, "envProduction": {}, "exec_mode": "fork"}]}"#
        )
        let doc = DocumentLoader.load(source, input: InputFile(path: source.path))
        let eco = Ecosystem(document: doc, root: doc.root!)
        #expect(eco.apps.first?.environments.map(\.label) == ["env", "env_production"])
    }

    @Test func namedKeysAreTheSchemaKeysOfTheirNames() {
        let keys: [PM2Key] = [
            .script, .name, .cwd, .execInterpreter, .nodeArgs, .outFile, .errorFile, .logFile, .pidFile, .time,
            .logDateFormat,
            .waitReady, .listenTimeout, .killTimeout, .instances, .execMode, .instanceVar, .mergeLogs, .cronRestart,
            .maxMemoryRestart, .watch, .ignoreWatch, .sourceMapSupport, .port, .username, .uid, .gid,
        ]
        #expect(
            keys.map(\.name) == [
                "script", "name", "cwd", "exec_interpreter", "node_args", "out_file", "error_file", "log_file",
                "pid_file", "time",
                "log_date_format", "wait_ready", "listen_timeout", "kill_timeout", "instances", "exec_mode",
                "instance_var",
                "merge_logs", "cron_restart", "max_memory_restart", "watch", "ignore_watch", "source_map_support",
                "port",
                "username", "uid", "gid",
            ])
        #expect(PM2Schema.keys.indices.allSatisfy { PM2Schema.keys[$0].position == $0 })
        #expect(keys.allSatisfy { PM2Schema.keys[$0.position] === $0 })
    }

    @Test func schemaRegularExpressionsMatchAsPM2s() {
        // ^\d+(G|M|K)?$, ^\d+(h|m|s)?$, ^(cluster|fork)(_mode)?$
        let bytes = ["512M", "1G", "10", "0K", "512MB", "1.5G", "1g", "", "G", "-1M", "5\u{301}", "١٢M", " 5M"]
        #expect(bytes.filter(PM2Regex.bytes.matches) == ["512M", "1G", "10", "0K"])
        let time = ["10s", "5m", "1h", "100", "10S", "s", "10ms", "1.5s"]
        #expect(time.filter(PM2Regex.time.matches) == ["10s", "5m", "1h", "100"])
        let modes = ["cluster", "fork", "cluster_mode", "fork_mode", "Cluster", "cluster ", "forkmode", ""]
        #expect(modes.filter(PM2Regex.execMode.matches) == ["cluster", "fork", "cluster_mode", "fork_mode"])
    }

    @Test func anAppWithoutNameIsNamedAfterItsScript() {
        // `renderApplicationName` (Common.js:903-911) runs before a script with a space becomes
        // `bash -c` (Common.js:712, 725-739): the basename without its last extension.
        let apps = [
            #"{"script": "./bin/www"}"#, #"{"script": "server.prod.js"}"#, #"{"script": "node ./bin/www"}"#,
            #"{"script": "npm start"}"#, #"{"script": ".env"}"#, #"{"name": "api", "script": "a.js"}"#, #"{}"#,
        ]
        let source = SourceFile(path: "ecosystem.json", text: #"{"apps": ["# + apps.joined(separator: ", ") + "]}")
        let doc = DocumentLoader.load(source, input: InputFile(path: source.path))
        let eco = Ecosystem(document: doc, root: doc.root!)
        #expect(eco.apps.map(\.name) == ["www", "server.prod", "www", "npm start", ".env", "api", nil])
        #expect(eco.appsKnown)
        let js = SourceFile(
            path: "ecosystem.config.js", text: "module.exports = { apps: [...require('./shared'), { script: 'a.js' }] }"
        )
        let jsDoc = DocumentLoader.load(js, input: InputFile(path: js.path))
        #expect(!Ecosystem(document: jsDoc, root: jsDoc.root!).appsKnown)
    }

    @Test func anAppsModeIsTheModeItsReasonGives() {
        let apps = [
            #"{"script": "a.js"}"#, #"{"script": "a.js", "exec_mode": "cluster"}"#,
            #"{"script": "a.js", "exec_mode": "fork_mode"}"#,
            #"{"script": "a.js", "exec_mode": "Cluster"}"#, #"{"script": "a.js", "instances": 4}"#,
            #"{"script": "a.py", "instances": 4}"#, #"{"script": "a.js", "instances": -1}"#,
            #"{"script": "a.js", "instances": -2}"#,
            #"{"script": "a.js", "instances": 4, "execute_command": true}"#,
            #"{"script": "a.js", "instances": "max", "exec_interpreter": "bun"}"#,
        ]
        let source = SourceFile(path: "ecosystem.json", text: #"{"apps": ["# + apps.joined(separator: ", ") + "]}")
        let doc = DocumentLoader.load(source, input: InputFile(path: source.path))
        let eco = Ecosystem(document: doc, root: doc.root!)
        #expect(
            eco.apps.map(\.mode) == [.fork, .cluster, .fork, .fork, .cluster, .fork, .cluster, .fork, .fork, .cluster])
        #expect(eco.apps.map(\.mode) == eco.apps.map(\.execMode.mode))
        // A value known only at run time.
        let js = SourceFile(
            path: "ecosystem.config.js",
            text: "module.exports = { apps: [{ script: 'a.js', exec_mode: process.env.MODE }] }")
        let jsDoc = DocumentLoader.load(js, input: InputFile(path: js.path))
        #expect(Ecosystem(document: jsDoc, root: jsDoc.root!).apps.map(\.mode) == [.unknown])
    }

    @Test func cronPatternsAsCronerReadsThem() {
        // croner 4.1.97, the version PM2 7.0.3 pins, run on each pattern (`Croner(pattern)` as
        // Common.js:325-329 calls it): nil where it accepts the pattern, else its message. Strings
        // with a `:` after the first character are dates for croner and are not checked.
        let cases: [(String, String?)] = [
            ("* * * * *", nil),
            ("0 0 * * *", nil),
            ("*/5 * * * *", nil),
            ("0 */2 * * *", nil),
            (
                "@daily",
                "CronPattern: invalid configuration format ('@daily'), exacly five or six space separated parts required."
            ),
            (
                "@Weekly",
                "CronPattern: invalid configuration format ('@Weekly'), exacly five or six space separated parts required."
            ),
            (
                " @hourly ",
                "CronPattern: invalid configuration format (' @hourly '), exacly five or six space separated parts required."
            ),
            ("0 0 1 1 *", nil),
            ("0 0 L * *", nil),
            ("0 0 l * *", nil),
            ("0 0 15W * *", "CronPattern: configuration entry 3 (15W) contains illegal characters."),
            ("0 0 * * 5#2", "CronPattern: configuration entry 5 (5#2) contains illegal characters."),
            ("0 0 * * 5L", "CronPattern: configuration entry 5 (5L) contains illegal characters."),
            ("0 0 * * MON-FRI", nil),
            ("0 0 * JAN-DEC *", nil),
            ("0 0 * * sun", nil),
            ("0 0 * * 7", nil),
            ("0 0 * * 0-7", nil),
            ("0 0 * * 5-1", "CronPattern: From value is larger than to value: '5-1'"),
            ("0 0 5-1 * *", "CronPattern: From value is larger than to value: '5-1'"),
            ("60 * * * *", "CronPattern: minutes value out of range: '60'"),
            ("* 24 * * *", "CronPattern: hours value out of range: '24'"),
            ("* * 0 * *", "CronPattern: days value out of range: '0'"),
            ("* * 32 * *", "CronPattern: days value out of range: '32'"),
            ("* * * 13 *", "CronPattern: months value out of range: '13'"),
            ("* * * * 8", "CronPattern: daysOfWeek value out of range: '8'"),
            ("*/0 * * * *", "CronPattern: Syntax error, illegal stepping: 0"),
            ("*/x * * * *", "CronPattern: configuration entry 1 (*/x) contains illegal characters."),
            ("*/-1 * * * *", "CronPattern: Syntax error, illegal range with stepping: '*/-1'"),
            ("1,,2 * * * *", nil),
            ("1-2-3 * * * *", "CronPattern: Syntax error, illegal range: '1-2-3'"),
            ("abc * * * *", "CronPattern: configuration entry 1 (abc) contains illegal characters."),
            (
                "* * *",
                "CronPattern: invalid configuration format ('* * *'), exacly five or six space separated parts required."
            ),
            (
                "* * * * * * * *",
                "CronPattern: invalid configuration format ('* * * * * * * *'), exacly five or six space separated parts required."
            ),
            (
                "0 0 0 * * * 2024",
                "CronPattern: invalid configuration format ('0 0 0 * * * 2024'), exacly five or six space separated parts required."
            ),
            ("0 * * * * *", nil),
            ("+5 * * * *", "CronPattern: configuration entry 1 (+5) contains illegal characters."),
            ("-5 * * * *", "CronPattern: Syntax error, illegal lower range (NaN)"),
            ("\t0\t0 * * *", nil),
            ("0  0 * * *", nil),
            (
                "   x",
                "CronPattern: invalid configuration format ('   x'), exacly five or six space separated parts required."
            ),
            ("1-60 * * * *", "CronPattern: Value out of range: '1-60'"),
            ("? * * * *", nil),
            ("5/15 * * * *", nil),
            ("0-59/10 * * * *", nil),
            ("99999999999999999999 * * * *", "CronPattern: minutes value out of range: '99999999999999999999'"),
            ("* * * * MON,WED", nil),
            ("* * * feb *", nil),
            ("* * * FEB-jan *", "CronPattern: From value is larger than to value: '2-1'"),
            ("é * * * *", "CronPattern: configuration entry 1 (é) contains illegal characters."),
            ("* * * * mon/2", nil),
            ("1/ * * * *", "CronPattern: Syntax error, illegal stepping: (NaN)"),
            ("*/+2 * * * *", "CronPattern: configuration entry 1 (*/+2) contains illegal characters."),
            (",1 * * * *", nil),
            ("0 0 * * 1-5/2", nil),
            ("0 0 lw * *", "CronPattern: configuration entry 3 (lw) contains illegal characters."),
            ("\r\n0 0 * * *\n", nil),
            ("0 0 * * * *", nil),
            ("1-1 * * * *", nil),
            ("0,15,30,45 * * * *", nil),
            ("0 0 * * 1#6", "CronPattern: configuration entry 5 (1#6) contains illegal characters."),
            ("0 0 ? * *", nil),
            ("* * * * * 1-x", "CronPattern: configuration entry 5 (1-x) contains illegal characters."),
            ("1-5,10 * * * *", "CronPattern: Range with stepping cannot coexist with ,"),
            ("*/5,30 * * * *", "CronPattern: Range with stepping cannot coexist with ,"),
            ("0 0 1-31/2 * *", nil),
            ("0 0 1-32/2 * *", "CronPattern: Value out of range: '1-32/2'"),
            ("*/61 * * * *", "CronPattern: Syntax error, steps cannot be greater than maximum value of part (60)"),
            ("*/60 * * * *", nil),
            ("0-70/5 * * * *", "CronPattern: Value out of range: '0-70/5'"),
            ("70/5 * * * *", nil),
            ("5-/2 * * * *", "CronPattern: Syntax error, illegal range with stepping: '5-/2'"),
            ("0 0 * * *\u{A0}", nil),
            ("0 0 * * */8", nil),
            ("0 0 * * */9", "CronPattern: Syntax error, steps cannot be greater than maximum value of part (8)"),
            ("0 0 0 * *", "CronPattern: days value out of range: '0'"),
            ("0 0 31 12 *", nil),
            ("* * * * 1-5", nil),
            ("5 4 * * sun", nil),
            ("0 22 * * 1-5", nil),
            ("23 0-20/2 * * *", nil),
            ("0 0,12 1 */2 *", nil),
            ("0 0 * 0 *", "CronPattern: months value out of range: '0'"),
            ("**/2 * * * *", nil),
            ("1/2/3 * * * *", "CronPattern: Syntax error, illegal stepping: '1/2/3'"),
            ("5-3/2 * * * *", "CronPattern: From value is larger than to value: '5-3/2'"),
            ("0 0 * * mon-sun", "CronPattern: From value is larger than to value: '1-0'"),
            ("0 0 * 1,jan *", nil),
            ("2024-01-01T00:00:00", nil),
            ("12:30", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2024-02-30T00:00:00", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2024-02-29T23:59:59", nil),
            ("0099-01-01T00:00:00", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2024-13-01T00:00:00", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2024-01-01T24:00:00", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2024-01-01 10:00:00", nil),
            ("2024-01-01T10:00", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("x2024-01-01T10:00:00Z", "CronDate: Provided string value for CronDate could not be parsed as date."),
            ("2025-01-31T04:00:00Z", nil),
        ]
        for (pattern, error) in cases {
            #expect(CronPattern.error(in: pattern) == error, "\(pattern.debugDescription)")
        }
        // PM2 reads a truthy value only, and disables cron restarts where `== 0` holds
        // (Common.js:319, 854); any other non-string makes croner throw.
        #expect(CronPattern.verdict(ofString: " ") == .disabled)
        #expect(CronPattern.verdict(ofString: "0") == .disabled)
        #expect(CronPattern.verdict(ofString: "0x0") == .disabled)
        #expect(CronPattern.verdict(ofNonString: true) == .disabled)
        #expect(
            CronPattern.verdict(ofNonString: false)
                == .rejected(
                    message: "CronPattern: Pattern has to be of type string.",
                    hint: "croner takes the pattern only as a string: quote it"))
    }
}
