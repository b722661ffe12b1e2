import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct LinkingTests {
    let config =
        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#

    /// Runs the checker with only the ecosystem file as input; the other files are reachable only
    /// through links.
    func deployments(_ files: [String: String], inputs: [String] = ["app/ecosystem.config.js"]) -> CheckResult {
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let memory = MemoryFiles(Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) }))
        let named = inputs.map { input in sources.first { $0.path == input }! }
        return Checker(files: memory).run(named.map { DocumentLoader.load($0, input: InputFile(path: $0.path)) })
    }

    func linkedPaths(_ r: CheckResult) -> [String] { r.deployments.map { $0.config.source.path } }

    @Test func log4jsConfigVariablePerEnvironment() {
        let r = deployments([
            "app/ecosystem.config.js":
                "module.exports = { apps: [{ name: 'a', script: 'a.js', cwd: 'srv', env: { LOG4JS_CONFIG: 'log.json' }, env_production: { LOG4JS_CONFIG: '/etc/app/log4js.json' } }] }",
            "app/srv/log.json": config,
            "/etc/app/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/srv/log.json", "/etc/app/log4js.json"])
        #expect(r.deployments.map(\.environment) == [nil, "production"])
        #expect(r.documents.count == 3)
    }

    /// `script: 'npm', args: 'start'`: the app is the Node file package.json's `start` runs.
    @Test func npmStartIsFollowedToTheNodeFileItRuns() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ name: 'web', script: 'npm', args: 'run serve' }] }",
            "app/package.json": "{\"scripts\": {\"serve\": \"node --enable-source-maps server.js\"}}",
            "app/server.js": "require('log4js').configure('log4js.json')\n",
            "app/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/log4js.json"])
        #expect(
            r.deployments.first?.linkDescription
                == "app \"web\" loads app/log4js.json through its code: script: 'npm' (app/ecosystem.config.js:1:50) → \"serve\": \"node --enable-source-maps server.js\" in package.json (app/package.json:1:23) → configure('log4js.json') (app/server.js:1:1)"
        )
    }

    @Test func configureWithRequireRelativeToTheCallingFile() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: './index.js' }] }",
            "app/index.js": "require('./lib/log')\n",
            "app/lib/log.js": "const log4js = require('log4js'); log4js.configure(require('../conf/log4js'));",
            "app/conf/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/conf/log4js.json"])
        #expect(
            r.deployments.first?.linkDescription
                == "app \"index\" loads app/conf/log4js.json through its code: script: './index.js' (app/ecosystem.config.js:1:37) → require('./lib/log') (app/index.js:1:9) → log4js.configure(require('../conf/log4js')) (app/lib/log.js:1:35)"
        )
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
            "app/main.js":
                "const path = require('path')\nrequire('log4js').configure(path.resolve(__dirname, 'log4js.json'))\n",
            "app/log4js.json": config,
        ])
        #expect(linkedPaths(r) == ["app/log4js.json"])
    }

    @Test func inlineConfigIsCheckedToo() {
        let r = deployments(
            [
                "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
                "app/main.js":
                    "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdot' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n",
            ], inputs: ["app/ecosystem.config.js", "app/main.js"])
        #expect(linkedPaths(r) == ["app/main.js"])
        #expect(r.diagnostics.map(\.rule.id) == ["LC204"])
        #expect(r.diagnostics.first?.location.start == LineColumn(line: 2, column: 46))
    }

    @Test func inlineConfigsOfTwoAppsAreEachChecked() {
        // The same configure() call in two files: the same node ids in two trees.
        let code =
            "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdot' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n"
        let r = deployments(
            [
                "app/ecosystem.config.js":
                    "module.exports = { apps: [{ name: 'api', script: 'api.js' }, { name: 'worker', script: 'worker.js' }] }",
                "app/api.js": code,
                "app/worker.js": code,
            ], inputs: ["app/ecosystem.config.js", "app/api.js", "app/worker.js"])
        #expect(linkedPaths(r) == ["app/api.js", "app/worker.js"])
        #expect(
            r.diagnostics.map { "\($0.rule.id) \($0.file.path):\($0.location.start.line):\($0.location.start.column)" }
                .sorted()
                == ["LC204 app/api.js:2:46", "LC204 app/worker.js:2:46"])
    }

    @Test func runtimeArgumentIsNotGuessed() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js": "require('log4js').configure(process.env.LOG_CONFIG)\n",
        ])
        #expect(r.deployments.isEmpty)
        #expect(r.verbose.contains("app/main.js: log4js.configure(process.env.LOG_CONFIG) is known only at run time"))
        // A long argument is cut between tokens, never inside a name or a string.
        let long = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js":
                "require('log4js').configure(loadSettings(process.env.APPLICATION_LOGGING_CONFIGURATION_FILE_PATH, 'defaults'))\n",
        ])
        #expect(
            long.verbose.contains(
                "app/main.js: log4js.configure(loadSettings(process.env. …) is known only at run time"))
    }

    @Test func otherConfigureCallsAreNotLog4js() {
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'main.js' }] }",
            "app/main.js": "const nconf = require('nconf'); nconf.configure('log4js.json');",
            "app/log4js.json": config,
        ])
        #expect(r.deployments.isEmpty)
    }

    @Test func proximityPairingWhenTheScriptIsMissing() {
        let eco = SourceFile(
            path: "ecosystem.config.js",
            text: "module.exports = { apps: [{ name: 'a', script: 'a.js' }, { name: 'b', script: 'b.js' }] }")
        let log = SourceFile(path: "log4js.json", text: config)
        let files = MemoryFiles([eco.path: eco.bytes, log.path: log.bytes])
        let r = Checker(files: files).run([eco, log].map { DocumentLoader.load($0, input: InputFile(path: $0.path)) })
        #expect(r.deployments.map { $0.app.name ?? "" } == ["a", "b"])
        #expect(r.deployments.allSatisfy { if case .proximity = $0.link { return true } else { return false } })
        #expect(
            r.deployments.first?.linkDescription
                == "app \"a\" is paired with log4js.json by proximity (the same package): its script a.js was not found"
        )
    }

    @Test func aReadableScriptWithoutLog4jsLinksNothing() {
        let r = deployments(
            [
                "app/ecosystem.config.js":
                    "module.exports = { apps: [{ script: 'worker.py', interpreter: 'python3' }] }",
                "app/worker.py": "print('hello')\n",
                "app/log4js.json": config,
            ], inputs: ["app/ecosystem.config.js", "app/log4js.json"])
        #expect(r.deployments.isEmpty)
    }

    @Test func proximityStaysInsideThePackage() {
        // Two services, each a package: a service's app is paired with its own config only,
        // whichever files are named.
        let eco =
            "module.exports = { apps: [{ name: 'api', script: 'missing.js', exec_mode: 'cluster', instances: 2 }] }"
        let files = [
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/a/package.json": "{}", "repo/a/ecosystem.config.js": eco, "repo/a/log4js.json": config,
            "repo/a/conf/log4js.json": config,
            "repo/b/package.json": "{}", "repo/b/log4js.json": config,
            "repo/log4js.json": config,
        ]
        let everything = Array(files.keys.filter { !$0.contains(".git") && !$0.hasSuffix("package.json") }.sorted())
        #expect(
            linkedPaths(deployments(files, inputs: everything)) == ["repo/a/log4js.json", "repo/a/conf/log4js.json"])
        #expect(
            linkedPaths(deployments(files, inputs: ["repo/a/ecosystem.config.js"])) == [
                "repo/a/log4js.json", "repo/a/conf/log4js.json",
            ])
        // Named alone, a config finds the ecosystem file of its package.
        let alone = deployments(files, inputs: ["repo/a/conf/log4js.json"])
        #expect(linkedPaths(alone) == ["repo/a/log4js.json", "repo/a/conf/log4js.json"])
        #expect(alone.diagnostics.map { "\($0.rule.id) \($0.file.path)" } == ["LC101 repo/a/conf/log4js.json"])
        #expect(deployments(files, inputs: ["repo/b/log4js.json"]).deployments.isEmpty)
        #expect(deployments(files, inputs: ["repo/log4js.json"]).deployments.isEmpty)
    }

    @Test func linksStayInsideTheEcosystemFilesPackage() {
        // ops/ is a package of its own; its app's code is in another package: not linked, so
        // that naming the config alone gives the same answer as naming the ecosystem file.
        let files = [
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/ops/package.json": "{}",
            "repo/ops/ecosystem.config.js":
                "module.exports = { apps: [{ script: '../api/server.js', exec_mode: 'cluster', instances: 2 }] }",
            "repo/api/package.json": "{}",
            "repo/api/server.js": "require('log4js').configure(__dirname + '/log4js.json')\n",
            "repo/api/log4js.json": config,
        ]
        let r = deployments(files, inputs: ["repo/ops/ecosystem.config.js"])
        #expect(r.deployments.isEmpty)
        #expect(
            r.verbose.contains(
                "app \"server\" (repo/ops/ecosystem.config.js) reaches repo/api/server.js, outside the folders it links: not linked (an ecosystem file links code in its own folder and below, and in the other folders of its own package, so that naming any file of a link finds it)"
            ))
        #expect(deployments(files, inputs: ["repo/api/log4js.json"]).deployments.isEmpty)
    }

    @Test func pathsBuiltFromKnownParts() {
        let eco = "module.exports = { apps: [{ script: './bin/www', cwd: '.' }] }"
        for (code, expected) in [
            ("require('log4js').configure(__dirname + '/../config/log4js.json')", "app/config/log4js.json"),
            ("require('log4js').configure(`${__dirname}/../config/log4js.json`)", "app/config/log4js.json"),
            (
                "require('log4js').configure(path.join(__dirname, '../config/', 'log4js.json'))",
                "app/config/log4js.json"
            ),
            ("require('log4js').configure(path.resolve('config', 'log4js.json'))", "app/config/log4js.json"),
            ("require('log4js').configure('./config/' + 'log4js.json')", "app/config/log4js.json"),
        ] {
            let r = deployments([
                "app/ecosystem.config.js": eco,
                // Extensionless, with a shebang, as Express's generator writes it.
                "app/bin/www": "#!/usr/bin/env node\nconst path = require('path')\n" + code + "\n",
                "app/config/log4js.json": config,
            ])
            #expect(linkedPaths(r) == [expected], "\(code)")
        }
    }

    @Test func requireResolvesAsNodeDoes() {
        // ./config is config.js before config.json, and a directory is its package.json main.
        let r = deployments([
            "app/ecosystem.config.js": "module.exports = { apps: [{ script: 'server' }] }",
            "app/server.js": "require('./config'); require('./lib')\n",
            "app/config.js": "require('log4js').configure('a.json')\n",
            "app/config.json": "{}",
            "app/lib/package.json": "{\"main\": \"./main\"}",
            "app/lib/main.js": "require('log4js').configure('b.json')\n",
            "app/lib/index.js": "require('log4js').configure('c.json')\n",
            "app/a.json": config, "app/b.json": config, "app/c.json": config,
        ])
        #expect(linkedPaths(r) == ["app/a.json", "app/b.json"])
    }

    @Test func treesLetGoAfterTheirRulesFindTheSame() {
        let files = [
            "app/ecosystem.config.js":
                "module.exports = { apps: [{ script: './index.js', instances: 4, exec_mode: 'cluster', bogus: 1 }] }",
            "app/index.js":
                "const log4js = require('log4js')\nlog4js.configure({ appenders: { f: { type: 'file', filename: 'x.log' } }, categories: { default: { appenders: ['f'], level: 'info' } } })\n",
            "app/log4js.json": config,
        ]
        func run(keepingTrees: Bool) -> (CheckResult, [Document]) {
            let sources = files.map { SourceFile(path: $0.key, text: $0.value) }.sorted { $0.path < $1.path }
            let documents = sources.filter { $0.path != "app/index.js" }.map {
                DocumentLoader.load($0, input: InputFile(path: $0.path))
            }
            var checker = Checker(
                files: MemoryFiles(Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) })))
            checker.keepsTrees = keepingTrees
            return (checker.run(documents), documents)
        }
        let (kept, keptDocuments) = run(keepingTrees: true)
        let (released, releasedDocuments) = run(keepingTrees: false)
        func lines(_ r: CheckResult) -> [String] {
            r.diagnostics.map { "\($0.rule.id) \($0.file.path) \($0.location.span) \($0.message)" }
        }
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
        #expect(
            r.err.contains(
                "logcheck: app \"api\" loads fixtures/golden/link-configure-call/config/log4js.json through its code: script: './src/server.js' (fixtures/golden/link-configure-call/ecosystem.config.js:2:33) → require('./logger') (fixtures/golden/link-configure-call/src/server.js:2:24) → log4js.configure(path.join(__dirname, '..', 'config', 'log4js.json')) (fixtures/golden/link-configure-call/src/logger.js:4:1)\n"
            ))
    }

    @Test func appCodeIsALog4jsSource() throws {
        let code =
            "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdot' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n"
        let dir = try tree(["app.js": code])
        for arguments in [[dir + "/app.js"], ["--log4js", dir + "/app.js"]] {
            let r = run(arguments + ["--format", "github", "--no-config"])
            // A warning: without a package.json, "stdot" could be an installed package.
            #expect(r.code == .clean)
            #expect(
                r.out.hasPrefix(
                    "::warning file=\(dir)/app.js,line=2,col=46,endLine=2,endColumn=53,title=LC204 unknown-appender-type::type \"stdot\" is not a core appender"
                ), "\(arguments)")
            #expect(!r.out.contains("LC011"))
        }
    }

    @Test func appCodeNamedAloneFindsTheAppThatRunsIt() throws {
        let dir = try tree([
            "package.json": "{}",
            "ecosystem.config.js":
                "module.exports = { apps: [{ name: 'api', script: 'app.js', exec_mode: 'cluster', instances: 2 }] }\n",
            "app.js":
                "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdout' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n",
        ])
        let alone = run([dir + "/app.js", "--format", "github", "--no-config"])
        let both = run([dir + "/app.js", dir + "/ecosystem.config.js", "--format", "github", "--no-config"])
        #expect(
            alone.out.hasPrefix(
                "::error file=\(dir)/app.js,line=2,col=18,endLine=2,endColumn=124,title=LC101 cluster-logs-dropped::"))
        #expect(alone.out == both.out)
    }

    @Test func aConfigureArgumentIsAConfigOnlyWhenItIsAnObject() throws {
        // A real logger module: its exports are not a log4js config, and its configure() names a
        // file. Named alone it is app code: no LC202/LC206 on the call, no LC241 on module.exports;
        // the finding of the config it loads points at its call.
        let dir = try tree([
            "package.json": "{}",
            "lib/logger.js":
                "const path = require('path');\nconst log4js = require('log4js');\nlog4js.configure(path.join(__dirname, '../config/', 'log4js.json'));\nmodule.exports = { logger: log4js.getLogger('app'), level: 'info', shutdown: log4js.shutdown };\n",
            "config/log4js.json": config,
            "ecosystem.config.js":
                "module.exports = { apps: [{ name: 'app', script: 'lib/logger.js', exec_mode: 'cluster', instances: 2 }] };\n",
        ])
        let alone = run([dir + "/lib/logger.js", "--no-config", "--color", "never"])
        let headlines = alone.out.split(separator: "\n").filter {
            $0.hasPrefix("error[") || $0.hasPrefix("warning[") || $0.hasPrefix("info[")
        }
        #expect(headlines.map { $0.prefix { $0 != ":" } } == ["error[LC101]"])
        #expect(alone.out.contains(" --> \(dir)/config/log4js.json:1:1\n"))
        #expect(alone.out.contains(" ::: \(dir)/lib/logger.js:3:1\n"))
        #expect(alone.out.contains("app \"app\" loads this log4js config here"))
    }

    @Test func appenderPackagesAreLookedUpInThePackageJSONFilesAroundTheConfig() throws {
        // A workspace hoists the root's dependencies: declared at the root, the package is found
        // from every service; declared nowhere, configure() throws (appenders/index.js:79-83).
        let gelf =
            #"{"appenders": {"gelf": {"type": "@log4js-node/gelf"}}, "categories": {"default": {"appenders": ["gelf"], "level": "info"}}}"#
        let dir = try tree([
            ".git/HEAD": "ref: refs/heads/main\n",
            "package.json":
                #"{"private": true, "workspaces": ["services/*"], "dependencies": {"@log4js-node/gelf": "^1.0.2"}}"#,
            "services/api/package.json": #"{"name": "api", "dependencies": {"log4js": "^6.9.1"}}"#,
            "services/api/log4js.json": gelf,
            "tools/package.json": #"{"name": "tools"}"#,
            "other/.git/HEAD": "ref: refs/heads/main\n",
            "other/package.json": #"{"name": "other"}"#,
            "other/log4js.json": gelf,
        ])
        let hoisted = run([dir + "/services/api/log4js.json", "--format", "github", "--no-config"])
        #expect(hoisted.out == "")
        // other/ is a project of its own (its own .git): the outer package.json does not count.
        let alone = run([dir + "/other/log4js.json", "--format", "github", "--no-config"])
        #expect(alone.code == .findings)
        #expect(
            alone.out.hasPrefix(
                "::error file=\(dir)/other/log4js.json,line=1,col=33,endLine=1,endColumn=52,title=LC205 external-appender-type::log4js throws at start-up"
            ))
    }

    @Test func anExpressGeneratorApp() throws {
        // express-generator's layout: bin/www (no extension, a shebang) requires ../app, which
        // configures log4js with a required JSON file; PM2 starts bin/www in cluster mode.
        let dir = try tree([
            "package.json":
                #"{"name": "shop", "scripts": {"start": "node ./bin/www"}, "dependencies": {"express": "~4.16.1", "log4js": "^6.9.1"}}"#,
            "ecosystem.config.js":
                "module.exports = { apps: [{ name: 'shop', script: './bin/www', instances: 'max', exec_mode: 'cluster' }] };\n",
            "bin/www":
                "#!/usr/bin/env node\n\nvar app = require('../app');\nvar debug = require('debug')('shop:server');\nvar http = require('http');\nvar server = http.createServer(app);\nserver.listen(process.env.PORT || '3000');\n",
            "app.js":
                "var express = require('express');\nvar log4js = require('log4js');\nlog4js.configure(require('./config/log4js.json'));\nvar app = express();\nmodule.exports = app;\n",
            "config/log4js.json": config,
        ])
        // bin/www only passes the link on: no finding has a location in it.
        #expect(run([dir + "/bin/www", "--no-config"]).out == "No problems found in 3 files.\n")
        for named in ["config/log4js.json", "app.js", "ecosystem.config.js"] {
            let r = run([dir + "/" + named, "--no-config", "--color", "never"])
            #expect(r.out.hasPrefix("error[LC101]: log4js loses every log line of app \"shop\""), "\(named)")
            #expect(r.out.contains(" --> \(dir)/config/log4js.json:1:1\n"), "\(named)")
            #expect(
                r.out.contains(
                    "script: './bin/www' (\(dir)/ecosystem.config.js:1:51) → require('../app') (\(dir)/bin/www:3:19) → log4js.configure(require('./config/log4js.json')) (\(dir)/app.js:3:1)"
                ), "\(named)")
        }
    }

    @Test func proximityPairsTheNearestConfigs() {
        // One package (the root) holding services without package.json files of their own: an app
        // whose script is missing is paired with the configs of its own folder, not every config
        // of the package.
        let eco =
            "module.exports = { apps: [{ name: 'svc', script: './dist/server.js', exec_mode: 'cluster', instances: 2 }] }"
        var files = ["repo/.git/HEAD": "ref: refs/heads/main\n", "repo/package.json": "{}"]
        for s in ["a", "b", "c"] {
            files["repo/services/\(s)/ecosystem.config.js"] = eco
            files["repo/services/\(s)/log4js.json"] = config
        }
        let r = deployments(files, inputs: ["repo/services/b/ecosystem.config.js"])
        #expect(linkedPaths(r) == ["repo/services/b/log4js.json"])
        // The ecosystem file's folder (and below) when the app's own folder has none: at the root
        // of the package, that is every config of it.
        files["repo/ecosystem.config.js"] =
            "module.exports = { apps: [{ name: 'top', script: 'missing.js', cwd: 'tools' }] }"
        files["repo/config/log4js.json"] = config
        let top = deployments(files, inputs: ["repo/ecosystem.config.js"])
        #expect(
            linkedPaths(top).sorted() == [
                "repo/config/log4js.json", "repo/services/a/log4js.json", "repo/services/b/log4js.json",
                "repo/services/c/log4js.json",
            ])
    }
}
