import Foundation
import LogCheckKit
import Testing

/// Launch sites (`fixtures/launch/<kind>/`): PM2 started from a package.json script, a
/// Dockerfile, a compose file, a Procfile, a shell script or a systemd unit. Each kind gives
/// the findings the equivalent ecosystem file gives (same rules at the same places in the app
/// code and configs), its directory run matches its golden text, and naming any one of its
/// files alone gives the directory run's findings that touch that file.
@Suite struct LaunchSiteTests {
    static let root = repositoryRoot + "/fixtures/launch"

    /// The ecosystem file each kind's launch file is equivalent to (nil: no equivalent).
    static let equivalents: [String: (launch: String, ecosystem: String)] = [
        "package-json": (
            "package.json",
            "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 4, env: { NODE_ENV: 'production' } }] };\n"
        ),
        "dockerfile": ("Dockerfile", "module.exports = { apps: [{ script: 'server.js', instances: 'max' }] };\n"),
        "compose": (
            "docker-compose.yml",
            "module.exports = { apps: [{ script: 'server.js', instances: 2 }, { script: 'worker.js', instances: 2 }] };\n"
        ),
        "procfile": ("Procfile", "module.exports = { apps: [{ script: 'server.js', instances: 'max' }] };\n"),
        "shell": ("run.sh", "module.exports = { apps: [{ name: 'code-push', script: 'bin/www', instances: 2 }] };\n"),
        "systemd": (
            "app.service", "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 4 }] };\n"
        ),
        "fork-mode": ("package.json", "module.exports = { apps: [{ name: 'api', script: 'server.js' }] };\n"),
        "npm-cluster": (
            "package.json", "module.exports = { apps: [{ script: 'npm', args: 'start', instances: 4 }] };\n"
        ),
    ]

    /// The package.json of the equivalent project, when the launch file is a package.json whose
    /// other scripts the app still runs (`npm start`).
    static let equivalentManifests: [String: String] = [
        "npm-cluster":
            "{ \"name\": \"equivalent\", \"private\": true, \"scripts\": { \"start\": \"node server.js\" } }\n"
    ]

    static let kinds: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()

    /// A copy of a kind's fixture that is a project of its own (a `.git` folder), without its
    /// expected outputs.
    static func copy(_ kind: String) throws -> String {
        let dir = NSTemporaryDirectory() + "logcheck-launch-\(kind)-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: root + "/" + kind, toPath: dir)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasPrefix("expected.") {
            try FileManager.default.removeItem(atPath: dir + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: false)
        return dir
    }

    @Test func everyKindHasAFixture() {
        for kind in ["package-json", "dockerfile", "compose", "procfile", "shell", "systemd"] {
            #expect(Self.kinds.contains(kind), "fixtures/launch/\(kind)")
        }
    }

    @Test(arguments: kinds)
    func directoryRunMatchesGolden(_ kind: String) throws {
        for format in ["text", "json"] {
            let r = run(["fixtures/launch/\(kind)", "--format", format, "--color", "never", "--no-config"])
            let path = Self.root + "/\(kind)/expected.\(format)"
            let out = r.out + (format == "text" ? "exit: \(r.code.rawValue)\n" : "")
            if ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_GOLDEN"] == "1" {
                try out.write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                #expect(
                    out == (try String(contentsOfFile: path, encoding: .utf8)),
                    "fixtures/launch/\(kind)/expected.\(format)")
            }
        }
    }

    @Test(arguments: kinds)
    func eachFileAloneAgreesWithTheDirectory(_ kind: String) throws {
        let dir = try Self.copy(kind)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let directory = try MonorepoTests.findings([dir], root: dir)
        for file in MonorepoTests.files(in: dir) {
            let alone = try MonorepoTests.findings([dir + "/" + file], root: dir)
            #expect(alone == directory.filter { $0.files.contains(file) }, "\(kind): \(file) named alone")
        }
    }

    /// Rule, place and severity of every finding outside the launch or ecosystem file.
    static func appFindings(_ dir: String, skipping file: String, settings: String? = nil) throws -> [String] {
        let r = run([dir, "--format", "json"] + (settings.map { ["--config", $0] } ?? ["--no-config"]))
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        return (json["diagnostics"] as! [[String: Any]]).compactMap { d in
            let path = (d["file"] as! String).replacingOccurrences(of: dir + "/", with: "")
            guard path != file else { return nil }
            return "\(d["rule"]!) \(d["severity"]!) \(path):\(d["line"]!):\(d["column"]!)"
        }.sorted()
    }

    /// A command line that starts an ecosystem file applies some of its options to the file's apps
    /// (API.js:985-1026): `--watch` turns watch on where an app's own is falsy (LC331 at PM2's log
    /// file, LC110 at log4js' file), pm2-dev always watches and gives its `--ignore` list as
    /// `ignore_watch` (so logs/ is covered for it, ./pm2/ is not), `--env production` names a
    /// block app "worker" lacks (LC339), `--ignore-watch` never reaches the apps (LC336), and
    /// `--only wroker` names no app, so pm2-runtime starts nothing (LC340).
    @Test func commandLineOverridesReachTheEcosystemApps() throws {
        let dir = try Self.copy("ecosystem-overrides")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = run([dir, "--format", "json", "--no-config"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let found = (json["diagnostics"] as! [[String: Any]]).map { d in
            let path = (d["file"] as! String).replacingOccurrences(of: dir + "/", with: "")
            let related = (d["related"] as! [[String: Any]]).map { rel in
                let file = (rel["file"] as! String).replacingOccurrences(of: dir + "/", with: "")
                return "\(file):\(rel["line"]!):\(rel["column"]!)"
            }
            return "\(d["rule"]!) \(path):\(d["line"]!):\(d["column"]!) ← " + related.joined(separator: ", ")
        }
        #expect(
            found == [
                "LC331 ecosystem.config.js:6:17 ← package.json:5:45",
                "LC331 ecosystem.config.js:6:17 ← package.json:6:13",
                "LC339 package.json:5:59 ← ecosystem.config.js:10:13",
                "LC336 package.json:7:45 ← ",
                "LC340 package.json:8:61 ← ecosystem.config.js:10:13",
                "LC110 server.js:4:48 ← package.json:5:45",
            ])
    }

    /// pm2-intercom mixes the lines of two apps in pm2 mode (LC106) only where it is installed:
    /// here by the Dockerfile that starts them, which the finding names.
    @Test func intercomFromTheDockerfileMixesApps() throws {
        let ecosystem = """
            module.exports = {
              apps: [
                { name: 'api', script: 'api.js', exec_mode: 'cluster', instances: 2 },
                { name: 'worker', script: 'worker.js', exec_mode: 'cluster', instances: 2 },
              ],
            };

            """
        let config =
            #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "pm2": true}"#
        let docker = "FROM node:20\nRUN pm2 install pm2-intercom\nCMD [\"pm2-runtime\", \"ecosystem.config.js\"]\n"
        func lc106(_ files: [String: String]) throws -> [String] {
            let dir = try tree(files.merging([".git/HEAD": "ref: refs/heads/main\n"]) { a, _ in a })
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let r = run([dir, "--format", "json", "--no-config"])
            let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            return (json["diagnostics"] as! [[String: Any]]).filter { $0["rule"] as? String == "LC106" }.map { d in
                let related = (d["related"] as! [[String: Any]]).map { rel in
                    "\((rel["file"] as! String).replacingOccurrences(of: dir + "/", with: "")):\(rel["line"]!):\(rel["column"]!)"
                }
                return "\(d["line"]!):\(d["column"]!) ← " + related.joined(separator: ", ")
            }
        }
        let pair = ["ecosystem.config.js": ecosystem, "log4js.json": config]
        #expect(
            try lc106(pair.merging(["Dockerfile": docker]) { a, _ in a }) == [
                "3:5 ← ecosystem.config.js:4:5, Dockerfile:2:17"
            ])
        #expect(try lc106(pair) == [])
    }

    @Test(arguments: Array(equivalents.keys).sorted())
    func sameFindingsAsTheEquivalentEcosystemFile(_ kind: String) throws {
        let (launch, ecosystem) = Self.equivalents[kind]!
        let dir = try Self.copy(kind)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fromLaunch = try Self.appFindings(dir, skipping: launch)
        // The same project started from an ecosystem file instead.
        let other = try Self.copy(kind)
        defer { try? FileManager.default.removeItem(atPath: other) }
        if launch == "package.json" {
            try (Self.equivalentManifests[kind] ?? "{ \"name\": \"equivalent\", \"private\": true }\n").write(
                toFile: other + "/package.json", atomically: false, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(atPath: other + "/" + launch)
        }
        try ecosystem.write(toFile: other + "/ecosystem.config.js", atomically: false, encoding: .utf8)
        var settings: String? = nil
        if kind == "dockerfile" {
            // The Dockerfile installs pm2-intercom; without it, the settings say so.
            settings = other + "/.logcheck.yml"
            try "pm2-intercom: installed\n".write(toFile: settings!, atomically: false, encoding: .utf8)
        }
        let fromEcosystem = try Self.appFindings(other, skipping: "ecosystem.config.js", settings: settings)
        #expect(fromLaunch == fromEcosystem, "\(kind): \(launch) and the equivalent ecosystem file")
        if kind != "fork-mode" { #expect(!fromLaunch.isEmpty, "\(kind): the fixture shows a loss") }
    }
}
