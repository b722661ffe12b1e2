import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct LinkingTests {
    let config = #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#

    /// Runs the checker with only the ecosystem file as input; the other files are reachable only
    /// through links.
    func deployments(_ files: [String: String], input: String = "app/ecosystem.config.js") -> CheckResult {
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let memory = MemoryFiles(Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) }))
        let eco = sources.first { $0.path == input }!
        return Checker(files: memory).run([DocumentLoader.load(eco, input: InputFile(path: eco.path))])
    }

    func linkedPaths(_ r: CheckResult) -> [String] { r.deployments.map { $0.config.source.path } }

    @Test func log4jsConfigVariablePerEnvironment() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ name: 'a', script: 'a.js', cwd: 'srv', env: { LOG4JS_CONFIG: 'log.json' }, env_production: { LOG4JS_CONFIG: '/etc/app/log4js.json' } }] }",
            "app/srv/log.json": config,
            "/etc/app/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/srv/log.json", "/etc/app/log4js.json"])
        #expect(r.deployments.map(\.environment) == [nil, "production"])
        #expect(r.documents.count == 3)
    }

    @Test func configureWithRequireRelativeToTheCallingFile() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: './index.js' }] }",
            "app/index.js": "require('./lib/log')\n",
            "app/lib/log.js": "const log4js = require('log4js'); log4js.configure(require('../conf/log4js'));",
            "app/conf/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/conf/log4js.json"])
        #expect(r.deployments.first?.linkDescription.hasPrefix("log4js.configure() in app/lib/log.js:1:") == true)
    }

    @Test func configureWithAStringIsRelativeToTheAppsWorkingDirectory() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'src/main.mjs', cwd: '.' }] }",
            "app/src/main.mjs": "import { configure } from 'log4js';\nconfigure('config/log4js.json');\n",
            "app/config/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/config/log4js.json"])
    }

    @Test func configureWithPathResolveAndRequireLog4jsInline() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main' }] }",
            "app/main.js": "const path = require('path')\nrequire('log4js').configure(path.resolve(__dirname, 'log4js.json'))\n",
            "app/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/log4js.json"])
    }

    @Test func inlineConfigIsCheckedToo() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js": "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdot' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n",
        ])
        #expect(linkedPaths(r) == ["app/main.js"])
        #expect(r.diagnostics.map(\.rule.id) == ["LC204"])
        #expect(r.diagnostics.first?.location.start == LineColumn(line: 2, column: 46))
    }

    @Test func inlineConfigsOfTwoAppsAreEachChecked() {
        // The same configure() call in two files: the same node ids in two trees.
        let code = "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdot' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n"
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ name: 'api', script: 'api.js' }, { name: 'worker', script: 'worker.js' }] }",
            "app/api.js": code,
            "app/worker.js": code,
        ])
        #expect(linkedPaths(r) == ["app/api.js", "app/worker.js"])
        #expect(r.diagnostics.map { "\($0.rule.id) \($0.file.path):\($0.location.start.line):\($0.location.start.column)" }.sorted()
            == ["LC204 app/api.js:2:46", "LC204 app/worker.js:2:46"])
    }

    @Test func runtimeArgumentIsNotGuessed() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js": "require('log4js').configure(process.env.LOG_CONFIG)\n",
        ])
        #expect(r.deployments.isEmpty)
        #expect(r.verbose.contains("app/main.js: log4js.configure(process.env.LOG_CONFIG) is known only at run time"))
    }

    @Test func otherConfigureCallsAreNotLog4js() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js": "const nconf = require('nconf'); nconf.configure('log4js.json');",
            "app/log4js.json": config,
        ])
        #expect(r.deployments.isEmpty)
    }

    @Test func commandLinePairingWhenNothingElseLinks() {
        let eco = SourceFile(path: "ecosystem.config.js", text: "module.exports = { apps: [{ name: 'a', script: 'a.js' }, { name: 'b', script: 'b.js' }] }")
        let log = SourceFile(path: "log4js.json", text: config)
        let r = Checker(files: MemoryFiles()).run([eco, log].map { DocumentLoader.load($0, input: InputFile(path: $0.path)) })
        #expect(r.deployments.map { $0.app.name ?? "" } == ["a", "b"])
        #expect(r.deployments.allSatisfy { if case .commandLine = $0.link { return true } else { return false } })
    }

    @Test func treesLetGoAfterTheirRulesFindTheSame() {
        let files = [
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: './index.js', instances: 4, exec_mode: 'cluster', bogus: 1 }] }",
            "app/index.js": "const log4js = require('log4js')\nlog4js.configure({ appenders: { f: { type: 'file', filename: 'x.log' } }, categories: { default: { appenders: ['f'], level: 'info' } } })\n",
            "app/log4js.json": config,
        ]
        func run(keepingTrees: Bool) -> (CheckResult, [Document]) {
            let sources = files.map { SourceFile(path: $0.key, text: $0.value) }.sorted { $0.path < $1.path }
            let documents = sources.filter { $0.path != "app/index.js" }.map { DocumentLoader.load($0, input: InputFile(path: $0.path)) }
            var checker = Checker(files: MemoryFiles(Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) })))
            checker.keepsTrees = keepingTrees
            return (checker.run(documents), documents)
        }
        let (kept, keptDocuments) = run(keepingTrees: true)
        let (released, releasedDocuments) = run(keepingTrees: false)
        func lines(_ r: CheckResult) -> [String] { r.diagnostics.map { "\($0.rule.id) \($0.file.path) \($0.location.span) \($0.message)" } }
        #expect(lines(kept).contains { $0.hasPrefix("LC101 ") } && lines(kept).contains { $0.hasPrefix("LC304 ") })
        #expect(lines(released) == lines(kept))
        #expect(kept.deployments.count == 1 && released.deployments.isEmpty)
        #expect(keptDocuments.allSatisfy { $0.root != nil } && releasedDocuments.allSatisfy { $0.root == nil })
        // The app links to the config its code passes to configure(); the linker held that code.
        #expect(lines(released).contains { $0.hasPrefix("LC101 app/index.js ") })
        #expect(released.documents.map(\.path) == ["app/ecosystem.config.js", "app/log4js.json"])
    }

    @Test func directoryArgumentFindsTheConfigByItself() {
        let r = run(["fixtures/golden/link-configure-call", "--format", "json", "--no-config", "-v"])
        #expect(r.out.contains("\"rule\": \"LC103\""))
        #expect(r.err.contains("app \"api\" (fixtures/golden/link-configure-call/ecosystem.config.js) uses fixtures/golden/link-configure-call/config/log4js.json: log4js.configure() in fixtures/golden/link-configure-call/src/logger.js:4:1"))
    }

    @Test func configsFoundInADirectoryPairOnlyWithEcosystemsAboveThem() {
        let eco = "module.exports = { apps: [{ name: 'api', script: 'a.js' }] }"
        let files = [
            SourceFile(path: "repo/a/ecosystem.config.js", text: eco),
            SourceFile(path: "repo/a/log4js.json", text: config),
            SourceFile(path: "repo/a/conf/log4js.json", text: config),
            SourceFile(path: "repo/b/log4js.json", text: config),
            // Sorted between "repo/a" and "repo/a/…", and a string prefix of neither: not below.
            SourceFile(path: "repo/a-old/log4js.json", text: config),
            SourceFile(path: "repo/ab/log4js.json", text: config),
        ]
        let found = files.map { DocumentLoader.load($0, input: InputFile(path: $0.path, fromDirectory: true)) }
        let r = Checker(files: MemoryFiles()).run(found)
        #expect(linkedPaths(r) == ["repo/a/log4js.json", "repo/a/conf/log4js.json"])
        // Named on the command line, every config is paired.
        let named = files.map { DocumentLoader.load($0, input: InputFile(path: $0.path)) }
        #expect(linkedPaths(Checker(files: MemoryFiles()).run(named)) == ["repo/a/log4js.json", "repo/a/conf/log4js.json", "repo/b/log4js.json", "repo/a-old/log4js.json", "repo/ab/log4js.json"])
        // An ecosystem file in the current directory pairs with every config found below it.
        let top = [SourceFile(path: "ecosystem.config.js", text: eco)] + files.dropFirst()
        let fromTop = top.map { DocumentLoader.load($0, input: InputFile(path: $0.path, fromDirectory: true)) }
        #expect(linkedPaths(Checker(files: MemoryFiles()).run(fromTop)) == ["repo/a/log4js.json", "repo/a/conf/log4js.json", "repo/b/log4js.json", "repo/a-old/log4js.json", "repo/ab/log4js.json"])
    }
}
