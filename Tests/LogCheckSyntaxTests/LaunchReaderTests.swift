import LogCheckSyntax
import Testing

/// The commands of each kind of launch file, each as `origin: value[source text] …`.
@Suite struct LaunchReaderTests {
    static func read(_ text: String, _ name: String, _ kind: LaunchFileKind) -> [String] {
        let f = source(text, name)
        return LaunchReader.read(f, kind: kind).commands.map { c in
            let a = c.command.assignments.map { "\($0.name)=\($0.value.value ?? "?")[\(f.text($0.span))]" }
            let w = c.command.words.map { "\($0.value ?? "?")[\(f.text($0.span))]" }
            return "\(c.origin)@\(f.text(c.originSpan)): " + (a + w).joined(separator: " ")
        }
    }

    static func codes(_ text: String, _ name: String, _ kind: LaunchFileKind) -> [String] {
        let f = source(text, name)
        return LaunchReader.read(f, kind: kind).diagnostics.map { "\($0.code.rawValue) \(where_($0.span, in: f))" }
    }

    @Test func kindsByName() {
        let cases: [(String, LaunchFileKind?)] = [
            ("package.json", .packageJSON), ("Dockerfile", .dockerfile), ("api.Dockerfile", .dockerfile),
            ("Dockerfile.prod", .dockerfile), ("Containerfile", .dockerfile), ("docker-compose.yml", .compose),
            ("compose.yaml", .compose), ("Procfile", .procfile), ("run.sh", .shellScript),
            ("app.service", .systemdUnit), ("README.md", nil), ("ecosystem.config.js", nil),
        ]
        for (name, kind) in cases {
            #expect(LaunchReader.kind(ofPath: "deploy/" + name, firstLine: nil) == kind, "\(name)")
        }
        #expect(
            LaunchReader.kind(ofPath: "bin/start", firstLine: Array("#!/usr/bin/env bash\n".utf8)[...]) == .shellScript)
        #expect(LaunchReader.kind(ofPath: "bin/start", firstLine: Array("#!/usr/bin/env node\n".utf8)[...]) == nil)
    }

    @Test func packageJSONScriptsWithEscapes() {
        let text = #"{"scripts": {"start": "NODE_ENV=production pm2 start app.js -i 0", "x": "echo \"a b\""}}"#
        #expect(
            Self.read(text, "package.json", .packageJSON) == [
                #"script "start"@"start": NODE_ENV=production[NODE_ENV=production] pm2[pm2] start[start] app.js[app.js] -i[-i] 0[0]"#,
                #"script "x"@"x": echo[echo] a b[\"a b\"]"#,
            ])
        let f = source(text, "package.json")
        let scripts = LaunchReader.read(f, kind: .packageJSON).scripts
        #expect(scripts.keys.sorted() == ["start", "x"])
        #expect(f.text(scripts["start"]!.valueSpan) == #""NODE_ENV=production pm2 start app.js -i 0""#)
        #expect(
            Self.codes(#"{"scripts": ["pm2 start a.js"]}"#, "package.json", .packageJSON) == ["launchShape 1:13-1:31"])
    }

    @Test func dockerfileExecAndShellForms() {
        let text = """
            FROM node:20
            RUN npm install -g pm2 \\
             && pm2 install pm2-intercom
            CMD ["pm2-runtime", "start", "server.js", "-i", "max"]

            """
        #expect(
            Self.read(text, "Dockerfile", .dockerfile) == [
                "RUN@RUN: npm[npm] install[install] -g[-g] pm2[pm2]",
                "RUN@RUN: pm2[pm2] install[install] pm2-intercom[pm2-intercom]",
                #"CMD@CMD: pm2-runtime["pm2-runtime"] start["start"] server.js["server.js"] -i["-i"] max["max"]"#,
            ])
        // The escape directive changes the continuation character; a shell-form CMD is sh -c.
        #expect(
            Self.read("# escape=`\nFROM node\ncmd pm2-runtime app.js `\n  -i 2\n", "Dockerfile", .dockerfile) == [
                "CMD@cmd: pm2-runtime[pm2-runtime] app.js[app.js] -i[-i] 2[2]"
            ])
    }

    @Test func composeCommandsStringAndList() {
        let text = """
            services:
              web:
                command: ["pm2-runtime", "server.js", "-i", "2"]
              worker:
                command: pm2-runtime worker.js --instances 2

            """
        #expect(
            Self.read(text, "docker-compose.yml", .compose) == [
                #"service "web" command@command: pm2-runtime["pm2-runtime"] server.js["server.js"] -i["-i"] 2["2"]"#,
                #"service "worker" command@command: pm2-runtime[pm2-runtime] worker.js[worker.js] --instances[--instances] 2[2]"#,
            ])
    }

    @Test func procfileAndSystemdUnit() {
        #expect(
            Self.read("web: pm2-runtime start app.js -i 2\nworker: node w.js\n", "Procfile", .procfile) == [
                #"process "web"@web: pm2-runtime[pm2-runtime] start[start] app.js[app.js] -i[-i] 2[2]"#,
                #"process "worker"@worker: node[node] w.js[w.js]"#,
            ])
        let unit = "[Service]\nExecStart=/usr/bin/pm2 start /srv/app.js \\\n  --instances 4 --name api\n"
        #expect(
            Self.read(unit, "app.service", .systemdUnit) == [
                "ExecStart@ExecStart: /usr/bin/pm2[/usr/bin/pm2] start[start] /srv/app.js[/srv/app.js] --instances[--instances] 4[4] --name[--name] api[api]"
            ])
    }

    @Test func shellScriptLines() {
        #expect(
            Self.read("#!/bin/sh\nset -e\nexec pm2-runtime start bin/www -i $instance\n", "run.sh", .shellScript) == [
                "line 2@set -e: set[set] -e[-e]",
                "line 3@exec pm2-runtime start bin/www -i $instance: exec[exec] pm2-runtime[pm2-runtime] start[start] bin/www[bin/www] -i[-i] ?[$instance]",
            ])
    }
}
