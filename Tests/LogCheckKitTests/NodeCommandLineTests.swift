import LogCheckKit
import LogCheckSyntax
import Testing

/// `node <file>` command lines in launch files: the file Node runs, after its own options and
/// the wrappers PM2 command lines are read through.
@Suite struct NodeCommandLineTests {
    static func script(_ text: String) -> String? {
        NodeCommandLine.find(in: PM2CommandLineTests.command(text))?.script.value
    }

    @Test func theFileAfterNodesOptions() {
        #expect(Self.script("node app.js") == "app.js")
        #expect(
            Self.script("node --require ./tracing.js --max-old-space-size=4096 server.js --port 3000") == "server.js")
        #expect(Self.script("node -r dotenv/config ./bin/www") == "./bin/www")
        #expect(Self.script("nodejs -- app.js") == "app.js")
        #expect(Self.script("/usr/local/bin/node dist/main.js") == "dist/main.js")
    }

    @Test func throughWrappersAndAssignments() {
        let line = NodeCommandLine.find(in: PM2CommandLineTests.command("NODE_ENV=production exec node app.js"))
        #expect(line?.script.value == "app.js")
        #expect(line?.assignments.map(\.name) == ["NODE_ENV"])
        #expect(Self.script("dumb-init node server.js") == "server.js")
        #expect(Self.script("env PORT=80 node server.js") == "server.js")
        let text = "env PORT=80 node server.js"
        #expect(NodeCommandLine.find(in: PM2CommandLineTests.command(text))?.script.span == Span(17, 26))
    }

    @Test func noFileToRun() {
        #expect(Self.script("node -e console.log(1)") == nil)
        #expect(Self.script("node --test") == nil)
        #expect(Self.script("node -") == nil)
        #expect(Self.script("node") == nil)
        #expect(Self.script("node $ENTRY") == nil)
        #expect(Self.script("nodemon app.js") == nil)
        #expect(Self.script("npm run start") == nil)
    }

    @Test func pm2ThroughNodeIsAPM2CommandLine() {
        let c = PM2CommandLineTests.command("node node_modules/pm2/bin/pm2 start app.js -i 4")
        #expect(NodeCommandLine.find(in: c) == nil)
        #expect(PM2CommandLine.find(in: c)?.target?.value == "app.js")
        #expect(Self.script("node ./node_modules/pm2/bin/pm2-runtime app.js") == nil)
    }
}
