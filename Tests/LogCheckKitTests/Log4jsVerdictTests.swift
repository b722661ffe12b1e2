import LogCheckKit
import LogCheckSyntax
import Testing

/// logcheck's verdict on a log4js config is log4js 6.9.1's own at `configure()` (with
/// streamroller 3.1.5 and date-format 4.0.14, which it uses, and Node 20's `net`). Each case names
/// the runtime's verdict and the upstream line that decides it.
@Suite struct Log4jsVerdictTests {
    /// A config whose default category uses `used` (a JSON list body), with these appenders.
    func config(_ appenders: String, used: String, extra: String = "") -> String {
        #"{"appenders": {"# + appenders + #"}, "categories": {"default": {"appenders": ["# + used
            + #"], "level": "info"}}"# + extra + "}"
    }

    // MARK: 1. custom level values (LC211)

    @Test func customLevelValueAbove2To53IsAnInteger() {
        // Valid: anInteger is `typeof thing === 'number' && Number.isInteger(thing)`
        // (configuration.js:14-15, used at levels.js:132-136); 1e20 is an integer, and
        // 9007199254740993 is read as 9007199254740992, an integer too.
        expectFindings(
            "log4js.json",
            config(
                #""out": {"type": "stdout"}"#, used: #""out""#,
                extra:
                    #", "levels": {"HUGE": {"value": 1e20, "colour": "red"}, "NEG": {"value": -1e20, "colour": "red"}, "ABOVE": {"value": 9007199254740993, "colour": "red"}}"#
            ), [])
        // Rejected: JSON.parse reads 1e400 as Infinity, which is not an integer (levels.js:132-136).
        expectFindings(
            "log4js.json",
            config(
                #""out": {"type": "stdout"}"#, used: #""out""#,
                extra:
                    #", "levels": {"INF": {"value": «1e400», "colour": "red"}, "HALF": {"value": «2.5», "colour": "red"}}"#
            ),
            [
                (
                    "LC211", .error,
                    "log4js throws at start-up: custom level \"INF\" has value 1e400, which is not an integer (\"level \\\"INF\\\".value must have an integer value\")"
                ),
                (
                    "LC211", .error,
                    "log4js throws at start-up: custom level \"HALF\" has value 2.5, which is not an integer (\"level \\\"HALF\\\".value must have an integer value\")"
                ),
            ])
    }

    // MARK: 2. appenders no category uses (LC217)

    @Test func unusedFileAppenderWithoutFilenameThrowsNothing() {
        // Valid: setup builds only the appenders a category lists, plus tcp-server and
        // multiprocess ones (appenders/index.js:132-149), so file.js:37-40 never runs for "file"
        // and "dir"; nothing throws until a category lists them.
        expectFindings(
            "log4js.json",
            config(
                #""out": {"type": "stdout"}, «"file"»: {"type": "file"}, "dir": {"type": "dateFile", "filename": «"logs/"»}"#,
                used: #""out""#),
            [
                (
                    "LC217", .warning,
                    "file appender \"file\" has no filename; no category uses appender \"file\", so log4js never builds it and nothing fails now, but it throws at start-up (\"Invalid filename: undefined\") once a category lists it"
                ),
                (
                    "LC217", .warning,
                    "filename \"logs/\" ends with '/'; no category uses appender \"dir\", so log4js never builds it and nothing fails now, but it throws at start-up (\"Filename is a directory: logs/\") once a category lists it"
                ),
            ], settings: "ignore: [LC236]\n")
    }

    @Test func usedFileAppenderWithoutFilenameThrows() {
        // Rejected: a category lists it, so file.js:37-38 throws `Invalid filename: undefined`.
        expectFindings(
            "log4js.json", config(#"«"file"»: {"type": "file"}"#, used: #""file""#),
            [
                (
                    "LC217", .error,
                    "log4js throws at start-up: file appender \"file\" has no filename (\"Invalid filename: undefined\")"
                )
            ])
    }

    // MARK: 3. dateFile appenders of one filename (LC238)

    @Test func alwaysIncludePatternWithDifferentPatternsWritesDifferentFiles() {
        // Valid: with alwaysIncludePattern the current file is filename + "." + date
        // (streamroller fileNameFormatter.js:22-24, RollingFileWriteStream.js:81-84):
        // logs/app.2024-01-31 and logs/app.2024-01-31-00.
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/app", "alwaysIncludePattern": true, "pattern": "yyyy-MM-dd"}, "b": {"type": "dateFile", "filename": "logs/app", "alwaysIncludePattern": true, "pattern": "yyyy-MM-dd-hh"}"#,
                used: #""a", "b""#), [])
    }

    @Test func sharedFilesAreStillReported() {
        // Rejected: one pattern (the default yyyy-MM-dd, DateRollingFileStream.js:13-15) and both
        // including it: one current file, rolled by both.
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/app", "alwaysIncludePattern": true}, "b": {"type": "dateFile", "filename": «"logs/app"», "alwaysIncludePattern": true, "pattern": "yyyy-MM-dd"}"#,
                used: #""a", "b""#),
            [
                (
                    "LC238", .warning,
                    "appenders \"b\" and \"a\" both write logs/app.yyyy-MM-dd: each rolls the file on its own and moves it away from under the other, so lines are lost"
                )
            ])
        // Rejected: neither includes its pattern: both write logs/app, whatever the patterns.
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/app", "pattern": "yyyy-MM-dd"}, "b": {"type": "dateFile", "filename": «"logs/app"», "pattern": "yyyy-MM-dd-hh"}"#,
                used: #""a", "b""#),
            [
                (
                    "LC238", .warning,
                    "appenders \"b\" and \"a\" both write logs/app: each rolls the file on its own and moves it away from under the other, so lines are lost"
                )
            ])
        // Rejected: "b" rolls logs/app into logs/app.<date> (fileNameFormatter.js:22-24 for
        // index 1), the file "a" writes.
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/app", "alwaysIncludePattern": true}, "b": {"type": "dateFile", "filename": «"logs/app"»}"#,
                used: #""a", "b""#),
            [
                (
                    "LC238", .warning,
                    "appender \"b\" rolls logs/app into logs/app.yyyy-MM-dd, the file that appender \"a\" writes: each rolls on its own, so lines are lost"
                )
            ])
    }

    @Test func sharedFileWithAPatternKnownOnlyAtRunTime() {
        // Rejected: without alwaysIncludePattern both current files are logs/app.log, whatever the
        // pattern (fileNameFormatter.js:22-24 adds the date only to rolled files).
        let app = """
            const log4js = require('log4js');
            log4js.configure({
              appenders: {
                all: { type: 'file', filename: 'logs/app.log' },
                daily: { type: 'dateFile', filename: «'logs/app.log'», pattern: process.env.LOG_PATTERN },
                hot: { type: 'dateFile', filename: 'logs/app.log', pattern: process.env.LOG_PATTERN, alwaysIncludePattern: true },
              },
              categories: { default: { appenders: ['all', 'daily', 'hot'], level: 'info' } },
            });

            """
        expectFindings(
            "src/app.js", app,
            [
                (
                    "LC238", .warning,
                    "appenders \"daily\" and \"all\" both write logs/app.log: each rolls the file on its own and moves it away from under the other, so lines are lost"
                )
            ])
    }

    // MARK: 4. values that reach date-format and net (LC246, LC224)

    @Test func datePatternThatIsNotAStringThrows() {
        // Rejected: DateRollingFileStream.js:13-16 keeps a truthy non-object pattern, and
        // RollingFileWriteStream.js:77-78 formats it; date-format's asString takes a non-string
        // format for the date (lib/index.js:29-33) and calls date.getDate() (lib/index.js:42).
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/a.log", "pattern": «5»}, "b": {"type": "dateFile", "filename": "logs/b.log", "pattern": «true»}, "c": {"type": "file", "filename": "logs/c.log", "pattern": «{}»}"#,
                used: #""a", "b", "c""#),
            [
                (
                    "LC246", .error,
                    "log4js throws at start-up: pattern is 5, not a date pattern string (\"TypeError: date.getDate is not a function\")"
                ),
                (
                    "LC246", .error,
                    "log4js throws at start-up: pattern is true, not a date pattern string (\"TypeError: date.getDate is not a function\")"
                ),
                (
                    "LC246", .error,
                    "log4js throws at start-up: pattern is an object, not a date pattern string (\"TypeError: date.getDate is not a function\")"
                ),
            ])
        // Valid but not what it says: a dateFile object pattern becomes the stream's options
        // (DateRollingFileStream.js:6-9), and a falsy one yyyy-MM-dd (:13-15).
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/a.log", "pattern": «["yyyy"]»}, "b": {"type": "dateFile", "filename": "logs/b.log", "pattern": false}"#,
                used: #""a", "b""#),
            [
                (
                    "LC246", .warning,
                    "pattern is an array, which streamroller takes for the stream's options: this appender's other options (alwaysIncludePattern, numBackups, maxLogSize, mode …) are ignored and it rolls daily (yyyy-MM-dd)"
                )
            ])
    }

    @Test func portTrueThrows() {
        // Rejected: `config.port || 5000` keeps true (tcp.js:31-34, tcp-server.js:38,
        // multiprocess.js:66-68 and 115-118); Node's net.createConnection throws
        // ERR_INVALID_ARG_TYPE and server.listen ERR_INVALID_ARG_VALUE. tcp-server and
        // multiprocess are built without a category (appenders/index.js:142-146).
        expectFindings(
            "log4js.json",
            config(
                #""out": {"type": "stdout"}, "ship": {"type": "tcp", "port": «true»}, "server": {"type": "tcp-server", "port": «true»}, "worker": {"type": "multiprocess", "loggerPort": «true»}, "master": {"type": "multiprocess", "mode": "master", "appender": "out", "loggerPort": «{}»}"#,
                used: #""out", "ship""#),
            [
                (
                    "LC224", .error,
                    "log4js throws at start-up: port is true, not a port number (\"TypeError [ERR_INVALID_ARG_TYPE]: The \\\"options.port\\\" property must be one of type number or string\")"
                ),
                (
                    "LC224", .error,
                    "log4js throws at start-up: port is true, not a port number (\"TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' is invalid\")"
                ),
                (
                    "LC224", .error,
                    "log4js throws at start-up: loggerPort is true, not a port number (\"TypeError [ERR_INVALID_ARG_TYPE]: The \\\"options.port\\\" property must be one of type number or string\")"
                ),
                (
                    "LC224", .error,
                    "log4js throws at start-up: loggerPort is an object, not a port number (\"TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' must have the property \\\"port\\\" or \\\"path\\\"\")"
                ),
            ])
        // Valid: a falsy port is replaced by 5000.
        expectFindings("log4js.json", config(#""ship": {"type": "tcp", "port": false}"#, used: #""ship""#), [])
    }

    // MARK: 5. a folder in the pattern of the current file (LC246)

    @Test func folderInAnIncludedPatternThrows() {
        // Rejected: the current file is logs/app.log.2024/01/31 (fileNameFormatter.js:22-24), but
        // only logs is created (RollingFileWriteStream.js:299), so fs.appendFileSync throws ENOENT
        // in the constructor (RollingFileWriteStream.js:312).
        expectFindings(
            "log4js.json",
            config(
                #""a": {"type": "dateFile", "filename": "logs/app.log", "pattern": «"yyyy/MM/dd"», "alwaysIncludePattern": true}, "b": {"type": "file", "filename": "logs/b.log", "keepFileExt": true, "pattern": «"yyyy/MM"», "alwaysIncludePattern": true}"#,
                used: #""a", "b""#),
            [
                (
                    "LC246", .error,
                    "log4js throws at start-up: with alwaysIncludePattern, pattern \"yyyy/MM/dd\" puts the current file in the folder logs/app.log.2024/01, which streamroller does not create (\"ENOENT: no such file or directory, open 'logs/app.log.2024/01/31'\")"
                ),
                (
                    "LC246", .error,
                    "log4js throws at start-up: with alwaysIncludePattern, pattern \"yyyy/MM\" puts the current file in the folder logs/b.2024, which streamroller does not create (\"ENOENT: no such file or directory, open 'logs/b.2024/01.log'\")"
                ),
            ])
        // Valid: without alwaysIncludePattern the current file is logs/app.log; only the rolled
        // files go to sub-folders, which fs-extra's move creates.
        expectFindings(
            "log4js.json",
            config(#""a": {"type": "dateFile", "filename": "logs/app.log", "pattern": «"yyyy/MM/dd"»}"#, used: #""a""#),
            [
                (
                    "LC221", .warning,
                    "pattern \"yyyy/MM/dd\" contains a path separator, so old files are written into sub-directories"
                )
            ])
    }

    // MARK: 6. filenames built in app code (LC217)

    @Test func filenameBuiltFromDirnameEndingInASlash() {
        // Rejected: file.js:39-40 throws `Filename is a directory` for a name ending in path.sep;
        // __dirname + '/../logs/' and `${__dirname}/logs/` both end in "/".
        let app = """
            const log4js = require('log4js');
            log4js.configure({
              appenders: {
                a: { type: 'file', filename: «__dirname + '/../logs/'» },
                b: { type: 'fileSync', filename: «`${__dirname}/logs/`» },
                c: { type: 'file', filename: __dirname + '/../logs/app.log' },
              },
              categories: { default: { appenders: ['a', 'b', 'c'], level: 'info' } },
            });

            """
        expectFindings(
            "src/app.js", app,
            [
                (
                    "LC217", .error,
                    "log4js throws at start-up: filename \"src/../logs/\" ends with '/' (\"Filename is a directory: src/../logs/\")"
                ),
                (
                    "LC217", .error,
                    "log4js throws at start-up: filename \"src/logs/\" ends with '/' (\"Filename is a directory: src/logs/\")"
                ),
            ])
    }

    // MARK: 7. the log4js 1.x format (LC206)

    @Test func log4jsV1ConfigIsNamedAsSuch() {
        // Rejected: the appenders listener (appenders/index.js:157-162) throws `must have a
        // property "appenders" of type object.` before setup reads categories (:136), so there is
        // no TypeError; what is missing is the 6.x shape.
        let v1 =
            #"{"appenders": [{"type": "file", "filename": "app.log", "category": "http"}], "replaceConsole": true}"#
        let prepared = PreparedExample([ExampleFile("log4js.json", v1)])
        let found = check(prepared.sources)
        #expect(
            found.map { "\($0.rule.id) \($0.severity.label): \($0.message)" } == [
                "LC206 error: there is no \"categories\" object: this is the log4js 1.x format (a list of appenders, each naming its category), which log4js 6 rejects at start-up",
                "LC202 error: log4js throws at start-up: \"appenders\" is a list, the log4js 1.x format (\"must have a property \\\"appenders\\\" of type object.\")",
                "LC240 warning: \"replaceConsole\" was removed in log4js 2 and is ignored: console.log is not redirected",
            ])
        #expect(
            found.first?.help
                == "since log4js 2 appenders are named and categories pick them by name: { \"appenders\": { \"out\": { \"type\": \"stdout\" } }, \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } } }"
        )
        #expect(found.first?.location.span == Span(0, prepared.sources[0].bytes.count))
    }

    // MARK: 8. the version the project runs (V01-V07)

    @Test func log4jsV1ConfigIsValidUnderLog4js1() {
        // Valid for 1.1.1: configureAppenders takes the list (log4js.js:251-265 at v1.1.1) and
        // nothing reads categories; without a package.json the 6.x verdict above says what it assumes.
        let v1 =
            #"{"appenders": [{"type": "file", "filename": "app.log", "category": "http"}], "replaceConsole": true}"#
        let found = check([
            ExampleFile("package.json", #"{"dependencies": {"log4js": "~1.1.1"}}"#), ExampleFile("log4js.json", v1),
        ])
        #expect(found.map { "\($0.rule.id): \($0.message)" } == [])
        let alone = check([ExampleFile("log4js.json", v1)])
        #expect(
            alone.map(\.notes) == Array(repeating: ["assumes log4js 6.x: no package.json declares log4js"], count: 3))
    }

    @Test func log4js6ConfigThrowsUnderLog4js1() {
        // Rejected by 1.1.1: `appenderList.forEach is not a function` (log4js.js:251-265 at v1.1.1),
        // rethrown by configureOnceOff (:310-327).
        let found = check([
            ExampleFile("package.json", #"{"dependencies": {"log4js": "^1.0.1"}}"#),
            ExampleFile("log4js.json", config(#""out": {"type": "stdout"}"#, used: #""out""#)),
        ])
        #expect(
            found.map { "\($0.rule.id) \($0.severity.label): \($0.message)" } == [
                "LC202 error: log4js 1.x throws at start-up: \"appenders\" is an object, the format of log4js 2 and later, but log4js 1.x takes a list of appenders (\"appenderList.forEach is not a function\")"
            ])
        #expect(found.map(\.notes) == [["assumes log4js 1.x: package.json has \"log4js\": \"^1.0.1\""]])
    }
}
