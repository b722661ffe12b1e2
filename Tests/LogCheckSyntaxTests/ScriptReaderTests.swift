import LogCheckSyntax
import Testing

@Suite struct ScriptReaderTests {
    func read(_ text: String) -> (ScriptReader.Result, SourceFile) {
        let f = source(text, "ecosystem.config.js")
        return (ScriptReader.readModule(f), f)
    }

    @Test func moduleExportsObjectWithSpans() throws {
        let (r, f) = read("module.exports = {\n  apps: [{ name: 'api', instances: 4 }],\n};\n")
        #expect(r.read.diagnostics.isEmpty)
        #expect(r.module.style == .moduleExports)
        #expect(r.module.exportSpan.map { where_($0, in: f) } == "1:1-1:15")
        let app = try #require(r.read.root?["apps"]?.elements.first)
        let name = try #require(app.entry("name"))
        #expect(where_(name.keySpan, in: f) == "2:12-2:16")
        #expect(where_(name.value) == "2:18-2:23")
        #expect(name.value.scalarStyle == .singleQuoted)
        #expect(where_(name.span, in: f) == "2:12-2:23")
        #expect(where_(app["instances"]) == "2:36-2:37")
    }

    @Test func keysOfEveryForm() {
        let (r, _) = read(
            #"module.exports = { bare: 1, 'single': 2, "double": 3, 42: 4, 1.50: 5, ['computed']: 6, [k]: 7 }"#)
        #expect(render(r.read.root) == #"{bare:1,single:2,double:3,42:4,1.5:5,computed:6,?:7,…}"#)
    }

    @Test func literalsOfEveryForm() {
        let (r, _) = read(
            "module.exports = [1, -2, +3, .5, 5., 1e3, 0x1F, 0o17, 0b11, 1_000, 10n, 017, true, false, null, undefined, NaN, -Infinity, 'a\\'b', \"c\\n\", `tpl`, `a\nb`]"
        )
        #expect(
            render(r.read.root)
                == "[1,-2,3,0.5,5,1000,31,15,3,1000,10,15,true,false,null,undefined,nan,-inf,\"a'b\",\"c\n\",\"tpl\",\"a\nb\"]"
        )
    }

    @Test func commentsAndTrailingCommas() {
        let (r, _) = read(
            """
            // header
            module.exports = {
              /* block */ apps: [
                { script: 'a.js', }, // after
              ],
            }
            """)
        #expect(r.read.diagnostics.isEmpty)
        #expect(render(r.read.root) == #"{apps:[{script:"a.js"}]}"#)
        #expect(r.module.comments.count == 3)
    }

    @Test func runtimeValuesStayUnknown() throws {
        let (r, _) = read(
            """
            const os = require('os');
            module.exports = { apps: [{
              name: process.env.APP_NAME,
              port: process.env['PORT'],
              instances: process.env.N || 2,
              mode: process.env.X ? 'cluster' : 'fork',
              cpus: os.cpus().length,
              script: path.join(__dirname, 'app.js'),
              obj: new Date(),
              fn() { return 1 },
              arrow: () => 1,
              f: function () {},
              tpl: `${x}.log`,
              re: /a\\/b/g,
            }] }
            """)
        #expect(r.read.diagnostics.isEmpty)
        let app = try #require(r.read.root?["apps"]?.elements.first)
        #expect(app["name"]?.unknownKind == .environment)
        #expect(app["name"]?.unknownDetail == "APP_NAME")
        #expect(app["port"]?.unknownDetail == "PORT")
        #expect(app["instances"]?.unknownKind == .expression)
        #expect(app["instances"]?.sourceText == "process.env.N || 2")
        #expect(render(app["instances"]?.alternatives.first) == "2")
        #expect(app["mode"]?.alternatives.map { render($0) } == ["\"cluster\"", "\"fork\""])
        #expect(app["cpus"]?.sourceText == "os.cpus().length")
        #expect(app["script"]?.unknownKind == .call)
        #expect(app["script"]?.unknownDetail == "path.join")
        #expect(app["script"]?.alternatives.last?.string == "app.js")
        #expect(app["obj"]?.unknownKind == .call)
        #expect(app["fn"]?.unknownKind == .function)
        #expect(app["arrow"]?.unknownKind == .function)
        #expect(app["f"]?.unknownKind == .function)
        #expect(app["tpl"]?.unknownKind == .template)
        #expect(app["re"]?.isUnknown == true)
        #expect(r.module.imports["os"] == "os")
    }

    @Test func knownOperandsAreFolded() {
        let (r, _) = read(
            "module.exports = { a: 1024 * 1024 * 10, b: 'x' + '.log', c: null || 'd', d: 0 ?? 5, e: !0, f: 'app-' + 2 }"
        )
        #expect(render(r.read.root) == #"{a:10485760,b:"x.log",c:"d",d:0,e:true,f:"app-2"}"#)
    }

    @Test func bindingsAndSpreads() throws {
        let (r, f) = read(
            """
            const common = {
              script: './app.js',
              env: { IP: '0.0.0.0' },
            };
            let name = 'api'
            var n = 2;
            module.exports = {
              apps: [{ name, ...common, instances: n, env: { ...common.env, PORT: 1 } }],
            };
            """)
        #expect(r.read.diagnostics.isEmpty)
        let app = try #require(r.read.root?["apps"]?.elements.first)
        #expect(
            render(app) == #"{name:"api",script:"./app.js",env:{IP:"0.0.0.0"},instances:2,env:{IP:"0.0.0.0",PORT:1}}"#)
        #expect(render(app["env"]) == #"{IP:"0.0.0.0",PORT:1}"#)
        // A spread entry keeps its own position.
        #expect(where_(app.entry("script")?.keySpan ?? Span(0, 0), in: f) == "2:3-2:9")
        #expect(where_(app["name"]) == "5:12-5:17")
    }

    @Test func laterSpreadOverridesEarlierKeys() {
        let (r, _) = read("const c = { instances: 4 };\nmodule.exports = { instances: 1, ...c };")
        #expect(r.read.root?["instances"]?.number == 4)
    }

    @Test func unknownSpreadMarksTheMapping() throws {
        let (r, _) = read("module.exports = { apps: [{ ...require('./pm2.config'), env: {} }] }")
        let app = try #require(r.read.root?["apps"]?.elements.first)
        #expect(app.hasUnknownEntries)
        #expect(app["script"] == nil)
    }

    @Test func bindingAssignedInSkippedCodeIsUnknown() throws {
        let (r, _) = read(
            """
            const cpus = require("os").cpus().length;
            require("dotenv").config();
            let recommended = -1;
            if (process.env.SET_CPUS) {
              if (process.env.SET_CPUS >= cpus) recommended = -1;
              else recommended = process.env.SET_CPUS;
            }
            module.exports = { apps: [{ instances: recommended, other: cpus }] };
            """)
        #expect(r.read.diagnostics.isEmpty)
        let app = try #require(r.read.root?["apps"]?.elements.first)
        #expect(app["instances"]?.unknownKind == .reassigned)
        #expect(app["instances"]?.unknownDetail == "recommended")
        #expect(app["other"]?.sourceText == "require(\"os\").cpus().length")
    }

    @Test func mutatedBindingIsUnknown() throws {
        let (r, _) = read(
            """
            const apps = [];
            apps.push({ script: 'a.js' });
            const cfg = { x: 1 };
            cfg.x = 2;
            module.exports = { apps, cfg };
            """)
        #expect(r.read.root?["apps"]?.unknownKind == .reassigned)
        #expect(r.read.root?["cfg"]?.unknownKind == .reassigned)
    }

    @Test func stringsTemplatesAndRegexInSkippedCodeDoNotConfuseIt() {
        let (r, _) = read(
            """
            function helper() {
              const s = "}{ not code";
              const t = `${'}'} ${ { a: '}' }.a } \\` }`;
              const re = /[}{]+\\//g;
              return s + t + re;
            }
            if (a) { b = '/* not a comment */' } else { c = 1 / 2 / 3 }
            module.exports = { ok: true };
            """)
        #expect(r.read.diagnostics.isEmpty)
        #expect(render(r.read.root) == "{ok:true}")
    }

    @Test func noSemicolons() {
        let (r, _) = read(
            """
            const cpus = require('os').cpus().length
            const envConfig = require('./envConfig')

            module.exports = {
              apps: [{ name: 'oval', instances: cpus }]
            }
            """)
        #expect(r.read.diagnostics.isEmpty)
        #expect(r.read.root?["apps"]?.elements.first?["name"]?.string == "oval")
    }

    @Test func exportsProperties() {
        let (r, _) = read("exports.apps = [{ script: 'a.js' }];\nexports.deploy = {};\n")
        #expect(r.module.style == .exportsProperties)
        #expect(render(r.read.root) == #"{apps:[{script:"a.js"}],deploy:{}}"#)
    }

    @Test func moduleExportsProperty() {
        let (r, _) = read("module.exports = { apps: [] };\nmodule.exports.deploy = { p: 1 };\n")
        #expect(render(r.read.root) == "{apps:[],deploy:{p:1}}")
    }

    @Test func exportDefaultIsRecorded() throws {
        let (r, f) = read("import 'dotenv/config';\nexport default {\n  apps: [{ script: 'a.js' }],\n};\n")
        #expect(r.module.style == .esmDefault)
        #expect(r.module.exportSpan.map { where_($0, in: f) } == "2:1-2:15")
        #expect(render(r.read.root) == #"{apps:[{script:"a.js"}]}"#)
        #expect(r.module.esmSyntax.count == 2)
    }

    @Test func exportConstApps() {
        let (r, _) = read("export const apps = [{ script: 'a.js' }];\n")
        #expect(r.module.style == .esmNamed)
        #expect(render(r.read.root) == #"{apps:[{script:"a.js"}]}"#)
    }

    @Test func exportList() {
        let (r, _) = read("const list = [];\nexport { list as apps };\n")
        #expect(render(r.read.root) == "{apps:[]}")
    }

    @Test func importsAndDestructuring() {
        let (r, _) = read(
            """
            import { fileURLToPath } from 'url'
            import log4js from 'log4js'
            const { name } = require('./package.json')
            const { NODE_ENV } = process.env
            module.exports = { name, env: NODE_ENV }
            """)
        #expect(r.read.root?["name"]?.unknownDetail == "name")
        #expect(r.read.root?["env"]?.isUnknown == true)
        #expect(r.module.imports["log4js"] == "log4js")
        #expect(r.module.imports["name"] == "./package.json")
    }

    @Test func arrowHelperCalls() throws {
        let (r, _) = read(
            """
            const ifProd = (a, b) => {
              return a;
            };
            module.exports = { apps: [{ instances: ifProd(1, 1), exec_mode: ifProd('cluster', 'fork') }] };
            """)
        let app = try #require(r.read.root?["apps"]?.elements.first)
        #expect(app["instances"]?.unknownKind == .call)
        #expect(app["instances"]?.unknownDetail == "ifProd")
    }

    @Test func jsonStringifyExport() {
        let (r, _) = read("module.exports = JSON.stringify({ apps: [] })")
        #expect(r.read.root?.unknownKind == .call)
        #expect(render(r.read.root?.alternatives.first) == "{apps:[]}")
    }

    @Test func missingCommaIsAnError() {
        let (r, f) = read("module.exports = {\n  apps: [{\n    name: 'api'\n    script: 'app.js',\n  }],\n};\n")
        #expect(r.read.tree == nil)
        #expect(
            diags(r.read, f) == [
                "scriptSyntax@4:5-4:11: cannot read this JavaScript: expected ',' or '}' after a property, found 'script'; is a comma missing?"
            ])
    }

    @Test func unterminatedStringIsAnError() {
        let (r, f) = read("module.exports = { a: 'x }\n")
        #expect(
            diags(r.read, f) == [
                "scriptSyntax@1:23-1:27: cannot read this JavaScript: unterminated string: a line break before the closing quote"
            ])
    }

    @Test func unbalancedBracket() {
        let (r, f) = read("module.exports = { apps: [ }\n")
        #expect(diags(r.read, f) == ["scriptSyntax@1:26-1:29: cannot read this JavaScript: '[' is closed by '}'"])
    }

    @Test func pm2JSONIsAnExpression() throws {
        let f = source("// TG!\n[{\n  name: \"echo\",\n  env: { 'A': process.env.NODE_ENV || 'x' },\n}]\n", "conf.json")
        let r = ScriptReader.readExpression(f)
        #expect(r.read.diagnostics.isEmpty)
        #expect(r.module.style == .expression)
        #expect(where_(r.read.root?.elements.first?["name"]) == "3:9-3:15")
        #expect(r.read.root?.elements.first?["env"]?["A"]?.isUnknown == true)
    }

    @Test func emptyExpressionFile() {
        let f = source("\n", "process.json")
        #expect(ScriptReader.readExpression(f).read.diagnostics.map(\.code) == [.empty])
    }

    @Test func configureCallsInAppCode() throws {
        let f = source(
            """
            const log4js = require('log4js');
            const path = require('path');
            function init() {
              log4js.configure(path.join(__dirname, 'config', 'log4js.json'));
            }
            log4js.configure({ appenders: { out: { type: 'stdout' } } });
            other.configure('x.json');
            """, "app.js")
        let r = ScriptReader.readModule(f, findConfigureCalls: true)
        #expect(r.module.configureCalls.count == 3)
        let first = r.module.configureCalls[0]
        #expect(first.receiver == "log4js")
        #expect(first.module == "log4js")
        #expect(first.argument?.unknownDetail == "path.join")
        #expect(
            first.argument?.alternatives.map { render($0) } == [
                "?expression(__dirname)", "\"config\"", "\"log4js.json\"",
            ])
        #expect(render(r.module.configureCalls[1].argument) == #"{appenders:{out:{type:"stdout"}}}"#)
        #expect(r.module.configureCalls[2].module == nil)
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let text = "module.exports = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (r, _) = read(text)
        #expect(r.read.tree == nil)
        #expect(r.read.diagnostics.map(\.code) == [.tooDeep])
    }

    @Test func deepObjectNesting() {
        let text =
            "module.exports = " + String(repeating: "{a:", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        let (r, _) = read(text)
        #expect(r.read.diagnostics.map(\.code) == [.tooDeep])
    }

    @Test func sideEffectsAreNeverRun() {
        let (r, _) = read(
            """
            require('child_process').execSync('touch marker');
            module.exports = {
              get apps() { require('child_process').execSync('touch marker2'); return [] },
              x: (() => { throw new Error('boom') })(),
            };
            """)
        #expect(r.read.diagnostics.isEmpty)
        #expect(r.read.root?["apps"]?.unknownKind == .function)
        #expect(r.read.root?["x"]?.unknownKind == .call)
    }
}

@Suite struct ScriptDependencyTests {
    @Test func dependenciesAreFoundWhereverTheyAre() {
        let f = source(
            """
            require('./a')
            const b = require("./b").x
            import c from './c'
            import './d'
            export * from './e'
            function f() { return import('./f') }
            if (x) { require('./g') }
            other.require('./not')
            """, "app.js")
        #expect(ScriptReader.readModule(f).module.dependencies == ["./a", "./b", "./c", "./d", "./e", "./f", "./g"])
    }
}
