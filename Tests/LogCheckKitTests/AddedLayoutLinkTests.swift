import LogCheckKit
import LogCheckSyntax
import Testing

/// `log4js.addLayout(name, …)` in an app's code makes the layout type known to the config files
/// the app loads: log4js keeps one table of layouts per process (layouts.js:480-485 at v6.9.1),
/// and a config's `{type: 'json'}` is looked up there when configure() builds the appender
/// (layouts.js:483-485). Without it, the first log call throws "layout is not a function" (S05).
@Suite struct AddedLayoutLinkTests {
    static let json =
        #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "json"}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#

    func project() throws -> String {
        try tree([
            "package.json": #"{"dependencies": {"log4js": "^6.9.1"}}"#,
            "ecosystem.config.js":
                "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: 'worker', script: 'worker.js', env: { LOG4JS_CONFIG: 'config/worker.json' } },\n  ],\n};\n",
            // Registers json, then loads a config file by path.
            "server.js":
                "const log4js = require('log4js');\nlog4js.addLayout('json', (config) => (event) => JSON.stringify(event));\nlog4js.configure('./config/log4js.json');\n",
            // Registers json in a module it requires, and is configured through LOG4JS_CONFIG.
            "worker.js": "require('./lib/layouts');\nconst logger = require('log4js').getLogger('worker');\n",
            "lib/layouts.js":
                "const log4js = require('log4js');\nlog4js.addLayout('json', (config) => (event) => JSON.stringify(event));\n",
            "config/log4js.json": Self.json,
            // json is registered, xml is not.
            "config/worker.json":
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "json"}}, "err": {"type": "stderr", "layout": {"type": "xml"}}}, "categories": {"default": {"appenders": ["out", "err"], "level": "info"}}}"#,
            // No app loads it: nothing says json is registered for it.
            "config/log4js.unused.json": Self.json,
        ])
    }

    func warning(_ file: String, _ col: Int, _ type: String) -> String {
        "::warning file=\(file),line=1,col=\(col),endLine=1,endColumn=\(col + type.count + 2),title=LC232 invalid-layout::layout type \"\(type)\" is not a core layout (basic, colored, coloured, messagePassThrough, dummy, pattern): unless the app registers it with log4js.addLayout(\"\(type)\", …) before configure(), the first log call throws \"TypeError: layout is not a function\"\n"
    }

    @Test func layoutsTheAppRegistersAreKnownToTheConfigFilesItLoads() throws {
        let dir = try project()
        let all = run([dir, "--no-config", "--format", "github"])
        #expect(
            all.out
                == warning("\(dir)/config/log4js.unused.json", 61, "json")
                + warning("\(dir)/config/worker.json", 116, "xml"))
    }

    @Test func aConfigNamedAloneFindsTheCodeThatRegistersItsLayouts() throws {
        // The same findings whichever file is named (ARCHITECTURE.md, "The Link stage").
        let dir = try project()
        let expected = [
            "config/log4js.json": "",
            "config/worker.json": warning("\(dir)/config/worker.json", 116, "xml"),
            "config/log4js.unused.json": warning("\(dir)/config/log4js.unused.json", 61, "json"),
            "server.js": "", "worker.js": "", "lib/layouts.js": "", "ecosystem.config.js": "",
        ]
        for (name, out) in expected {
            #expect(run([dir + "/" + name, "--no-config", "--format", "github"]).out == out, "\(name)")
        }
    }
}
