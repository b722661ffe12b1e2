import LogCheckSyntax
import Testing

/// How a module uses Node's `cluster` module (`ScriptReader.ClusterUse`): its `cluster.fork()`
/// calls, and which code only the primary or only the workers run.
@Suite struct ClusterUseTests {
    static func read(_ text: String) -> (SourceFile, ScriptReader.Module) {
        let f = SourceFile(path: "app.js", bytes: Array(text.utf8))
        return (f, ScriptReader.readModule(f, findConfigureCalls: true).module)
    }

    static func texts(_ spans: [Span], _ f: SourceFile) -> [String] { spans.map { f.text($0) } }

    @Test func ifElseOnIsMaster() {
        let (f, m) = Self.read(
            """
            const cluster = require('cluster');
            if (cluster.isMaster) {
              cluster.fork();
            } else {
              serve();
            }
            """)
        #expect(Self.texts(m.cluster.forks, f) == ["cluster.fork()"])
        #expect(Self.texts(m.cluster.primaryBranches, f) == ["{\n  cluster.fork();\n}"])
        #expect(Self.texts(m.cluster.workerBranches, f) == ["{\n  serve();\n}"])
    }

    @Test func negationsIsWorkerIsPrimaryAndNodeColonCluster() {
        let (f, m) = Self.read(
            """
            import c from 'node:cluster';
            if (!c.isPrimary) { a(); }
            if (c.isWorker) { b(); } else { c.fork(); }
            if (!!c.isMaster) { d(); }
            if (c.isMaster && x) { e(); }
            """)
        #expect(Self.texts(m.cluster.workerBranches, f) == ["{ a(); }", "{ b(); }"])
        #expect(Self.texts(m.cluster.primaryBranches, f) == ["{ c.fork(); }", "{ d(); }"])
        #expect(Self.texts(m.cluster.forks, f) == ["c.fork()"])
    }

    @Test func codeAfterAPrimaryBranchThatReturnsIsTheWorkers() {
        let (f, m) = Self.read(
            """
            const cluster = require('cluster');
            if (cluster.isMaster) {
              cluster.fork();
              return;
            }
            serve();
            function start() {
              if (cluster.isWorker) { process.exit(0); }
              primaryOnly();
            }
            """)
        #expect(
            Self.texts(m.cluster.workerBranches, f) == [
                "\nserve();\nfunction start() {\n  if (cluster.isWorker) { process.exit(0); }\n  primaryOnly();\n}",
                "{ process.exit(0); }",
            ])
        #expect(
            Self.texts(m.cluster.primaryBranches, f) == [
                "{\n  cluster.fork();\n  return;\n}", "\n  primaryOnly();\n",
            ])
    }

    @Test func aReturnInsideANestedFunctionDoesNotLeaveTheBranch() {
        let (f, m) = Self.read(
            """
            const cluster = require('cluster');
            if (cluster.isMaster) {
              cluster.on('exit', () => { return; });
              cluster.fork();
            }
            serve();
            """)
        #expect(Self.texts(m.cluster.workerBranches, f) == [])
        #expect(m.cluster.primaryBranches.count == 1)
    }

    @Test func withoutTheClusterModuleNothingIsRead() {
        let (_, m) = Self.read("if (cluster.isMaster) { cluster.fork(); }\n")
        #expect(m.cluster.forks.isEmpty && m.cluster.primaryBranches.isEmpty)
    }

    @Test func getLoggerCalls() {
        let (f, m) = Self.read(
            """
            const log4js = require('log4js');
            const a = log4js.getLogger('a');
            const b = require('log4js').getLogger();
            const c = this.x.getLogger();
            """)
        #expect(Self.texts(m.loggerCalls.map(\.span), f) == ["log4js.getLogger('a')", "require('log4js').getLogger()"])
        #expect(m.loggerCalls.map(\.module) == ["log4js", "log4js"])
        #expect(m.loggerCalls.map(\.receiver) == ["log4js", nil])
    }
}
