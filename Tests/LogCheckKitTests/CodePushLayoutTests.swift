import LogCheckKit
import Testing

/// A code-push-server-like tree (fixtures/golden/layout-code-push-server, modelled on the layout
/// of lisong/code-push-server: bin/www, config/, core/, a PM2 process file): the app
/// runs in PM2 cluster mode with log4js 3.x, whose workers send every event to the cluster master
/// (lib/clustering.js:12-13 at log4js v3.0.0; docs/evidence/log4js.md V04), so every line is lost.
@Suite struct CodePushLayoutTests {
    static let dir = "fixtures/golden/layout-code-push-server"

    static let lost =
        "::error file=\(dir)/config/log4js.json,line=1,col=1,endLine=1,endColumn=2,title=LC101 cluster-logs-dropped::log4js loses every log line of app \"push-service\": PM2 runs it in cluster mode (one process per CPU), where each process is a cluster worker, and this config sets neither \"pm2\" nor \"disableClustering\", so log4js sends every event to the cluster master (PM2's daemon), which never writes it%0A\(dir)/process.json:7:20: PM2 runs app \"push-service\" in cluster mode (one process per CPU)%0A\(dir)/core/logger.js:4:1: app \"push-service\" loads this log4js config here%0Ahelp: set \"disableClustering\": true so each process writes its own appenders (best with stdout, which PM2 collects per process), or \"pm2\": true so instance 0 writes for all (with more than one instance this needs pm2-intercom, see LC103)\n"

    @Test func theDirectoryRunFindsTheLostLines() {
        let r = run([Self.dir, "--no-config", "--color", "never"])
        #expect(r.code == .findings)
        // The process file starts './bin/www', which has no extension and requires ../core/logger, which configures log4js with a path built
        // from __dirname. config/config.js (required through a run-time path) is not followed.
        #expect(
            r.out.contains(
                "= note: linked: app \"push-service\" loads \(Self.dir)/config/log4js.json through its code: script: './bin/www' (\(Self.dir)/process.json:5:17) → require('../core/logger') (\(Self.dir)/bin/www:4:22) → log4js.configure(path.join(__dirname, '../config/log4js.json')) (\(Self.dir)/core/logger.js:4:1)\n"
            ))
        // The version comes from the package.json, as upstream declares it.
        #expect(r.out.contains("= note: assumes log4js 3.x: \(Self.dir)/package.json has \"log4js\": \"^3.0.5\"\n"))
        #expect(run([Self.dir, "--no-config", "--format", "github"]).out == Self.lost)
    }

    @Test func everyFileNamedAloneGetsTheFindingsThatTouchIt() {
        // ARCHITECTURE.md, "The Link stage": the LC101 touches the config (its place), the process
        // file and core/logger.js (related places); bin/www, app.js and the settings only pass
        // the link on, or are not part of it.
        let expected = [
            "config/log4js.json": Self.lost, "process.json": Self.lost, "core/logger.js": Self.lost,
            "bin/www": "", "app.js": "", "core/config.js": "", "config/config.js": "",
        ]
        for (name, out) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(run([Self.dir + "/" + name, "--no-config", "--format", "github"]).out == out, "\(name)")
        }
    }

    @Test func log4js1WouldLoseNothing() throws {
        // The same tree on log4js 1.x: every worker writes its own appenders (log4js.js:137-188
        // at v0.6.38, the same at v1.1.1; V03), and the config's 2.x format throws there (V01).
        var files: [String: String] = [:]
        for name in [
            "bin/www", "core/logger.js", "core/config.js", "config/config.js", "app.js", "process.json",
        ] {
            files[name] = try readText(Self.dir + "/" + name)
        }
        files["package.json"] = #"{"name": "push-service", "dependencies": {"log4js": "~1.1.1"}}"#
        files["config/log4js.json"] =
            #"{"appenders": [{"type": "console"}, {"type": "file", "filename": "logs/push.log", "category": "http"}]}"#
        let dir = try tree(files)
        #expect(run([dir, "--no-config", "--format", "github"]).out == "")
    }
}
