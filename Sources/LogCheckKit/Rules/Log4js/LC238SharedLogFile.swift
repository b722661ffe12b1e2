import LogCheckSyntax

public enum LC238SharedLogFile: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC238", slug: "shared-log-file", family: .log4js, severity: .warning,
        summary: "Two appenders of one config write the same file.",
        rationale: """
            log4js never checks whether appenders share a file (S07). Each file appender keeps its own size \
            and date and rolls on its own: one renames the file under the other, and lines are lost. \
            (The same file written by several processes is LC104.) With `alwaysIncludePattern` the file \
            written is the filename with the date appended (streamroller's fileNameFormatter.js:22-24, \
            RollingFileWriteStream.js:81-84), so two appenders of one filename with different patterns write \
            different files; with one pattern they collide again, also when only one includes it, because the \
            other rolls its file into the name the first writes.
            """,
        references: ["S07"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"all": {"type": "file", "filename": "logs/app.log"}, "daily": {"type": "dateFile", "filename": «"./logs/app.log"»}}, "categories": {"default": {"appenders": ["all", "daily"], "level": "info"}}}"#,
                "appenders \"daily\" and \"all\" both write logs/app.log: each rolls the file on its own and moves it away from under the other, so lines are lost"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"hot": {"type": "dateFile", "filename": "logs/app.log", "alwaysIncludePattern": true}, "daily": {"type": "dateFile", "filename": «"logs/app.log"»}}, "categories": {"default": {"appenders": ["hot", "daily"], "level": "info"}}}"#,
                "appender \"daily\" rolls logs/app.log into logs/app.log.yyyy-MM-dd, the file that appender \"hot\" writes: each rolls on its own, so lines are lost"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"all": {"type": "file", "filename": "logs/app.log"}, "daily": {"type": "dateFile", "filename": "logs/daily.log"}}, "categories": {"default": {"appenders": ["all", "daily"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "logs/app", "pattern": "yyyy-MM-dd", "alwaysIncludePattern": true}, "hourly": {"type": "dateFile", "filename": "logs/app", "pattern": "yyyy-MM-dd-hh", "alwaysIncludePattern": true}}, "categories": {"default": {"appenders": ["daily", "hourly"], "level": "info"}}}"#
            ),
        ])

    /// The file an appender writes, as far as rolling goes: its filename, whether the current file
    /// has the date appended, and the date part its names get.
    struct Target {
        var appender: Appender
        var node: Node
        var path: String
        /// `alwaysIncludePattern`: the current file is `path` + separator + date.
        var includesDate: Truth
        /// The date part of the names (current file or backups): `keepFileExt`, separator, pattern;
        /// nil when the appender does not roll by date.
        var dated: String?
        /// `dated` depends on values known only at run time.
        var datedUnknown = false
        var shown: String
    }

    static func target(_ a: Appender, _ node: Node, _ filename: String) -> Target {
        let path = Path.normalize(filename)
        var t = Target(appender: a, node: node, path: path, includesDate: .no, dated: nil, shown: path)
        guard a.type != "fileSync" else { return t }
        // dateFile: a falsy pattern becomes yyyy-MM-dd (streamroller DateRollingFileStream.js:13-15);
        // file rolls by date only with a pattern (RollingFileWriteStream.js:77-79).
        let patternNode = a.option("pattern")
        var pattern = patternNode.flatMap { $0.isTruthy == true ? $0.string : nil }
        let patternUnknown = patternNode?.isUnknown == true || (patternNode?.isTruthy == true && pattern == nil)
        if a.type == "dateFile" && pattern == nil && !patternUnknown { pattern = "yyyy-MM-dd" }
        guard pattern != nil || patternUnknown else { return t }
        t.includesDate = a.option("alwaysIncludePattern").map { Truth($0.isTruthy) } ?? .no
        let keepExt = a.option("keepFileExt").map { Truth($0.isTruthy) } ?? .no
        let sepNode = a.option("fileNameSep")
        let sep = sepNode.flatMap { $0.isTruthy == true ? $0.string : nil } ?? "."
        guard let pattern, keepExt != .unknown, sepNode?.isUnknown != true,
            sepNode?.isTruthy != true || sepNode?.string != nil
        else {
            t.datedUnknown = true
            return t
        }
        t.dated = "\(keepExt == .yes)\u{0}\(sep)\u{0}\(pattern)"
        t.shown = DateFileName.with(date: pattern, filename: path, keepFileExt: keepExt == .yes, separator: sep)
        return t
    }

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        var seen: [String: [Target]] = [:]
        for a in config.appenders {
            guard let type = a.type, type == "file" || type == "dateFile" || type == "fileSync",
                config.builtAppenders.contains(a.name), let node = a.option("filename"), let name = node.string,
                !name.isEmpty
            else { continue }
            let t = target(a, node, name)
            let earlier = seen[t.path, default: []]
            seen[t.path, default: []].append(t)
            for first in earlier {
                // Different current files when at least one includes its date and the date parts
                // differ; one pattern for both collides through the rolled names.
                let bothPlain = t.includesDate == .no && first.includesDate == .no
                let known =
                    t.includesDate != .unknown && first.includesDate != .unknown && !t.datedUnknown
                    && !first.datedUnknown
                guard bothPlain || (known && t.dated != nil && t.dated == first.dated) else { continue }
                let related = [RelatedLocation(Location(first.node), "\"\(first.appender.name)\" writes it here")]
                let help = "give each appender its own file, or list one appender in several categories"
                if t.includesDate == first.includesDate {
                    context.report(
                        description,
                        "appenders \"\(a.name)\" and \"\(first.appender.name)\" both write \(t.includesDate == .yes ? t.shown : t.path): each rolls the file on its own and moves it away from under the other, so lines are lost",
                        at: node,
                        related: related, help: help)
                } else {
                    let (roller, writer) = t.includesDate == .no ? (t, first) : (first, t)
                    context.report(
                        description,
                        "appender \"\(roller.appender.name)\" rolls \(roller.path) into \(writer.shown), the file that appender \"\(writer.appender.name)\" writes: each rolls on its own, so lines are lost",
                        at: node,
                        related: related, help: help)
                }
                break
            }
        }
    }
}
