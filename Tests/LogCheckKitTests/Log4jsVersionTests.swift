import LogCheckKit
import LogCheckSyntax
import Testing

/// The log4js version a project runs decides the config format and whether cluster workers
/// forward their events (docs/evidence/log4js.md, V01-V07).
@Suite struct Log4jsVersionTests {
    // MARK: package.json ranges

    @Test(arguments: [
        ("^6.9.1", "6.9.1"), ("~1.1.1", "1.1.1"), ("6.x", "6.9.1"), (">=2 <3", "2.11.0"), (">= 2.0.0 < 3", "2.11.0"),
        ("*", "6.9.1"), ("latest", "6.9.1"), ("", "6.9.1"), ("^0.6.35", "0.6.38"), ("0.6.7", "0.6.7"),
        ("=v1.1.0", "1.1.0"), ("~2.3.0", "2.3.12"), ("~2.3", "2.3.12"), ("2", "2.11.0"), ("1.0.1 - 2.0.0", "2.0.0"),
        ("1.0.1 - 2", "2.11.0"), ("<2", "1.1.1"), ("<=1", "1.1.1"), ("<=1.1.0", "1.1.0"), (">1", "6.9.1"),
        ("^1.0.1 || ^2.0.0", "2.11.0"), ("^0.x", "0.6.38"), ("^0.5", "0.5.7"), ("^6.0.0-beta.1", "6.9.1"),
        ("~> 3.0", "3.0.6"), ("^2.3.12", "2.11.0"), ("~2.0.x", "2.0.1"), ("~1.x", "1.1.1"),
    ])
    func rangesResolveToTheNewestReleaseTheyAllow(range: String, release: String) {
        #expect(SemVer.newest(of: Log4jsVersion.releases, satisfying: range)?.description == release, "\(range)")
    }

    @Test(arguments: [
        "github:log4js-node/log4js-node", "git+https://github.com/log4js-node/log4js-node.git", "file:../log4js",
        "next", "^7.0.0", "1.2.3.4", "^", ">=x.1", "npm:log4js@6",
    ])
    func rangesLogcheckCannotReadAreUnknown(range: String) {
        #expect(SemVer.newest(of: Log4jsVersion.releases, satisfying: range) == nil, "\(range)")
    }

    @Test func theAssumptionSaysWhy() {
        #expect(Log4jsVersion.undeclared.note == "assumes log4js 6.x: no package.json declares log4js")
        #expect(
            Log4jsVersion.declared("~1.1.1", in: "app/package.json").note
                == "assumes log4js 1.x: app/package.json has \"log4js\": \"~1.1.1\"")
        #expect(
            Log4jsVersion.declared("^0.6.35", in: "package.json").note
                == "assumes log4js 0.6: package.json has \"log4js\": \"^0.6.35\"")
        #expect(
            Log4jsVersion.declared("github:me/log4js", in: "package.json").note
                == "assumes log4js 6.x: package.json has \"log4js\": \"github:me/log4js\", a version logcheck cannot read"
        )
    }

    @Test func wrappersBringTheirOwnLog4js() {
        // koa-log4 2.3.1 and 2.3.2 depend on ^3.0.6 (c129c9e), 2.2.x on ^0.6.35 (8f436e8), 1.2.0 on
        // ^2.3.12 (218f055); pomelo-logger 0.1.7 on 0.6.21 (0aa1c3b). docs/evidence/log4js.md V06, V07.
        #expect(
            Log4jsVersion.wrapped("koa-log4", "^2.2.0", in: "package.json")?.note
                == "assumes log4js 3.x: package.json has \"koa-log4\": \"^2.2.0\", which depends on \"log4js\": \"^3.0.6\""
        )
        #expect(Log4jsVersion.wrapped("koa-log4", "~2.2.0", in: "package.json")?.line == "0.6")
        #expect(Log4jsVersion.wrapped("koa-log4", "^1.1.0", in: "package.json")?.release == SemVer(2, 11, 0))
        #expect(Log4jsVersion.wrapped("koa-log4", "1.1.1", in: "package.json")?.line == "1.x")
        #expect(
            Log4jsVersion.wrapped("koa-log4", "github:dominhhai/koa-log4js", in: "package.json")?.note
                == "assumes log4js 3.x: package.json has \"koa-log4\": \"github:dominhhai/koa-log4js\", read as its newest release 2.3.2, which depends on \"log4js\": \"^3.0.6\""
        )
        #expect(
            Log4jsVersion.wrapped("pomelo-logger", "^0.1.0", in: "package.json")?.note
                == "assumes log4js 0.6: package.json has \"pomelo-logger\": \"^0.1.0\", which depends on \"log4js\": \"0.6.21\""
        )
        #expect(Log4jsVersion.wrapped("express", "^4", in: "package.json") == nil)
    }

    // MARK: What the version changes

    /// Checks `named` with every file of `files` on a memory disk; each finding as
    /// "rule severity: message | notes", its span's text after " @ ".
    func findings(_ files: [String: String], named: [String]) -> [String] {
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let memory = MemoryFiles(Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) }))
        let docs = named.map { n in DocumentLoader.load(sources.first { $0.path == n }!, input: InputFile(path: n)) }
        return Checker(files: memory).run(docs).diagnostics.map {
            "\($0.rule.id) \($0.severity.label): \($0.message) | "
                + $0.notes.filter { !$0.hasPrefix("linked: ") && !$0.hasPrefix("measured") }.joined(separator: "; ")
                + " @ \($0.location.file.lineColumn(of: $0.location.span.start))"
        }
    }

    let v1Config =
        #"{"appenders": [{"type": "file", "filename": "logs/http.log", "category": "http"}, {"type": "console"}], "levels": {"http": "WARN", "[all]": "INFO"}, "replaceConsole": true}"#
    let v6Config =
        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
    let cluster =
        "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 2, exec_mode: 'cluster', env: { LOG4JS_CONFIG: 'log4js.json' } }] };\n"

    @Test func aV1ConfigIsValidWhereTheProjectRunsLog4js1() {
        // Valid for 1.1.1: appenders is a list (log4js.js:251-265 at v1.1.1), levels map categories
        // (:268-286), replaceConsole is read (:310-327); no 2.x+ rule runs.
        for range in ["~1.1.1", "^0.6.38", "1.x"] {
            #expect(
                findings(
                    ["package.json": #"{"dependencies": {"log4js": ""# + range + #""}}"#, "log4js.json": v1Config],
                    named: ["log4js.json"]) == [], "\(range)")
        }
        // Through a wrapper that pins 0.6: koa-log4 2.2.1 (^0.6.35), pomelo-logger 0.1.7 (0.6.21).
        for wrapper in [#""koa-log4": "~2.2.0""#, #""pomelo-logger": "^0.1.7""#] {
            #expect(
                findings(
                    ["package.json": #"{"dependencies": {"# + wrapper + "}}", "log4js.json": v1Config],
                    named: ["log4js.json"]) == [], "\(wrapper)")
        }
    }

    @Test func aV1ConfigIsWrongWhereTheProjectRunsLog4js6() {
        // Rejected by 6.9.1: appenders/index.js:158-162 (C10); each 1.x finding says the version.
        let note = " | assumes log4js 6.x: package.json has \"log4js\": \"^6.9.1\" @ "
        let found = findings(
            ["package.json": #"{"dependencies": {"log4js": "^6.9.1"}}"#, "log4js.json": v1Config],
            named: ["log4js.json"])
        let expected: [String] = [
            "LC206 error: there is no \"categories\" object: this is the log4js 1.x format (a list of appenders, each naming its category), which log4js 6 rejects at start-up"
                + note + "1:1",
            "LC202 error: log4js throws at start-up: \"appenders\" is a list, the log4js 1.x format (\"must have a property \\\"appenders\\\" of type object.\")"
                + note + "1:15",
            "LC211 error: log4js throws at start-up: custom level \"http\" must be an object with \"value\" and \"colour\"; mapping a category to a level name is the log4js 1.x format (\"level \\\"http\\\" must be an object\")"
                + note + "1:124",
            "LC211 error: log4js throws at start-up: \"[all]\" is not a valid level name: it must start with a letter and contain only A-Z, a-z, 0-9 and _ (\"level name \\\"[all]\\\" is not a valid identifier\") |  @ 1:132",
            "LC240 warning: \"replaceConsole\" was removed in log4js 2 and is ignored: console.log is not redirected"
                + note + "1:150",
        ]
        #expect(found == expected)
    }

    @Test func aV6ConfigThrowsWhereTheProjectRunsLog4js1() {
        // Rejected by 1.1.1: configureAppenders calls appenderList.forEach on an object
        // (log4js.js:251-265 at v1.1.1), and configureOnceOff rethrows it (:310-327).
        #expect(
            findings(
                ["package.json": #"{"dependencies": {"log4js": "~1.1.1"}}"#, "log4js.json": v6Config],
                named: ["log4js.json"])
                == [
                    "LC202 error: log4js 1.x throws at start-up: \"appenders\" is an object, the format of log4js 2 and later, but log4js 1.x takes a list of appenders (\"appenderList.forEach is not a function\") | assumes log4js 1.x: package.json has \"log4js\": \"~1.1.1\" @ 1:15"
                ])
    }

    @Test func clusterForwardingOnlyFromLog4js2() {
        // 1.x: every process writes its own appenders (log4js.js:137-188 at v0.6.38): no LC101.
        #expect(
            findings(
                [
                    "package.json": #"{"dependencies": {"log4js": "~1.1.1"}}"#, "ecosystem.config.js": cluster,
                    "server.js": "", "log4js.json": v1Config,
                ], named: ["ecosystem.config.js", "log4js.json"]) == [])
        // 2.x and later: a worker sends its events to the master (log4js.js:140-155 at v2.0.0).
        let lost =
            "LC101 error: log4js loses every log line of app \"api\": PM2 runs it in cluster mode (2 processes), where each process is a cluster worker, and this config sets neither \"pm2\" nor \"disableClustering\", so log4js sends every event to the cluster master (PM2's daemon), which never writes it | "
        #expect(
            findings(
                [
                    "package.json": #"{"dependencies": {"log4js": ">=2 <3"}}"#, "ecosystem.config.js": cluster,
                    "server.js": "", "log4js.json": v6Config,
                ], named: ["log4js.json"])
                == [lost + "assumes log4js 2.x: package.json has \"log4js\": \">=2 <3\" @ 1:1"])
        #expect(
            findings(
                ["ecosystem.config.js": cluster, "server.js": "", "log4js.json": v6Config], named: ["log4js.json"])
                == [lost + "assumes log4js 6.x: no package.json declares log4js @ 1:1"])
    }

    @Test func theNearestDeclarationWins() {
        // A service's own package.json before the root's; a direct log4js before a wrapper.
        let files = [
            ".git/HEAD": "ref: refs/heads/main\n",
            "package.json": #"{"dependencies": {"log4js": "^6.9.1"}}"#,
            "old/package.json": #"{"dependencies": {"koa-log4": "^2.3.0", "log4js": "~1.1.1"}}"#,
            "old/log4js.json": v1Config,
            "new/package.json": #"{"name": "new"}"#,
            "new/log4js.json": v1Config,
        ]
        #expect(findings(files, named: ["old/log4js.json"]) == [])
        #expect(findings(files, named: ["new/log4js.json"]).count == 5)
    }
}
