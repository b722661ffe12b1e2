/// What log4js 6.9.1 knows, from its source (docs/evidence/log4js.md).
public enum Log4jsFacts {
    public struct Level: Sendable {
        public let name: String
        public let value: Double
    }

    /// levels.js:95-105
    public static let builtInLevels: [Level] = [
        Level(name: "ALL", value: Double.leastNonzeroMagnitude),
        Level(name: "TRACE", value: 5000),
        Level(name: "DEBUG", value: 10000),
        Level(name: "INFO", value: 20000),
        Level(name: "WARN", value: 30000),
        Level(name: "ERROR", value: 40000),
        Level(name: "FATAL", value: 50000),
        Level(name: "MARK", value: 9_007_199_254_740_992),
        Level(name: "OFF", value: Double.greatestFiniteMagnitude),
    ]

    /// levels.js:3-13
    public static let colours = ["white", "grey", "black", "blue", "cyan", "green", "magenta", "red", "yellow"]

    public static let defaultInstanceVar = "NODE_APP_INSTANCE"

    /// The built-in map (appenders/index.js:10-20) and the files under lib/appenders that
    /// `require('./' + type)` loads.
    public static let coreTypes: [String] = [
        "console", "stdout", "stderr", "logLevelFilter", "categoryFilter", "noLogFilter", "file", "dateFile",
        "fileSync", "tcp", "multiFile", "multiprocess", "recording", "tcp-server",
    ]

    /// Files under lib/appenders that load but are not appenders.
    public static let internalModules = ["adapters", "index", "ignoreBrowser"]

    /// Core types until log4js 2.x, now separate packages `@log4js-node/<name>`.
    public static let removedTypes = [
        "gelf", "hipchat", "logFaces-HTTP", "logFaces-UDP", "loggly", "logstashHTTP", "logstashUDP", "mailgun",
        "rabbitmq", "redis", "slack", "smtp",
    ]

    public static let filterTypes: Set<String> = ["logLevelFilter", "categoryFilter", "noLogFilter"]
    /// Appenders that write files themselves (docs/evidence/log4js.md#file-appenders).
    public static let fileTypes: Set<String> = ["file", "dateFile", "fileSync", "multiFile"]
    /// Appenders that write to the process's stdout/stderr (collected by PM2).
    public static let stdioTypes: Set<String> = ["console", "stdout", "stderr"]
    /// Appenders that send events over the network or keep them in memory.
    public static let networkTypes: Set<String> = ["tcp", "multiprocess", "tcp-server"]

    /// layouts.js: the core layout makers.
    public static let layoutTypes = ["basic", "colored", "coloured", "messagePassThrough", "dummy", "pattern"]

    /// Options each core appender reads (docs/evidence/log4js.md#core-appenders). `forwards` marks appenders that pass
    /// their whole config on (streamroller, stream.Writable), where other keys may be meaningful.
    public static let options: [String: (keys: [String], forwards: Bool)] = [
        "console": (["type", "layout", "timezoneOffset"], false),
        "stdout": (["type", "layout", "timezoneOffset"], false),
        "stderr": (["type", "layout", "timezoneOffset"], false),
        "file": (
            [
                "type", "filename", "maxLogSize", "backups", "numBackups", "layout", "mode", "flags", "encoding",
                "compress",
                "keepFileExt", "fileNameSep", "removeColor", "pattern", "alwaysIncludePattern", "timezoneOffset",
            ], true
        ),
        "dateFile": (
            [
                "type", "filename", "pattern", "alwaysIncludePattern", "numBackups", "daysToKeep", "maxLogSize",
                "keepFileExt", "fileNameSep", "compress", "mode", "flags", "encoding", "layout", "backups",
                "timezoneOffset",
            ], true
        ),
        "fileSync": (
            [
                "type", "filename", "maxLogSize", "backups", "flags", "encoding", "mode", "layout", "compress",
                "timezoneOffset",
            ], false
        ),
        "multiFile": (
            [
                "type", "base", "property", "extension", "timeout", "maxLogSize", "backups", "numBackups", "layout",
                "mode", "flags", "encoding", "compress", "keepFileExt", "fileNameSep", "pattern",
                "alwaysIncludePattern",
            ], true
        ),
        "logLevelFilter": (["type", "appender", "level", "maxLevel"], false),
        "categoryFilter": (["type", "exclude", "appender"], false),
        "noLogFilter": (["type", "exclude", "appender"], false),
        "multiprocess": (["type", "mode", "appender", "loggerPort", "loggerHost"], false),
        "tcp": (["type", "host", "port", "endMsg", "layout"], false),
        "tcp-server": (["type", "host", "port"], false),
        "recording": (["type", "maxLength"], false),
    ]

    public static let topLevelKeys = [
        "appenders", "categories", "levels", "pm2", "pm2InstanceVar", "disableClustering",
    ]
    /// `evaluateArgsThatAreFunctions` is read by log4js after 6.9.1.
    public static let categoryKeys = [
        "appenders", "level", "enableCallStack", "inherit", "evaluateArgsThatAreFunctions",
    ]

    /// Pattern tokens that print caller information only with `enableCallStack: true`.
    public static let callStackTokens: Set<Character> = ["f", "l", "o", "s", "C", "M", "A", "F"]
    /// Every conversion character of the pattern layout (layouts.js:139-140).
    public static let patternTokens: [Unicode.Scalar] = [
        "[", "]", "c", "d", "h", "m", "n", "p", "r", "z", "x", "X", "y", "f", "l", "o", "s", "C", "M", "A", "F", "%",
    ]

    /// Level names whose logger method collides with a Logger member (logger.js:221-236).
    public static let levelNamesThatThrow: Set<String> = ["LEVEL", "USE_CALL_STACK", "CALL_STACK_LINES_TO_SKIP"]
    public static let levelNamesThatBreakMethods: Set<String> = [
        "LOG", "ADD_CONTEXT", "REMOVE_CONTEXT", "CLEAR_CONTEXT", "SET_PARSE_CALL_STACK_FUNCTION", "CONSTRUCTOR",
    ]

    /// The logger method name log4js derives from a level name: lower case, `_x` → `X`.
    public static func methodName(forLevel name: String) -> String {
        var out = ""
        var upperNext = false
        for c in name.lowercased() {
            if c == "_" {
                upperNext = true
                continue
            }
            out.append(upperNext ? Character(c.uppercased()) : c)
            upperNext = false
        }
        return out
    }
}
