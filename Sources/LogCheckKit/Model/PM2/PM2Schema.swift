import LogCheckSyntax

/// PM2 7.0.3's app schema (lib/API/schema.json) with the aliases lib/tools/Config.js derives
/// from it, in the order it consults them.
public final class PM2Key: Sendable {
    public enum ValueType: String, Sendable {
        case string, number, boolean, array, object

        /// How PM2 prints the type in its error messages.
        public var shown: String { "[object \(rawValue.prefix(1).uppercased() + rawValue.dropFirst())]" }
    }

    public let name: String
    /// The key's position in `PM2Schema.keys`.
    public let position: Int
    public let types: [ValueType]
    public let explicitAliases: [String]
    public let regex: PM2Regex?
    public let min: Double?
    public let defaultValue: String?
    /// Lookup order after the canonical key: explicit aliases prepended one by one (so in reverse
    /// order), then the automatic camelCase form (Config.js:23-55).
    public let aliases: [String]
    /// Every spelling PM2 reads for this key.
    public let spellings: [String]
    /// The position of each of `aliases` in `spellings`.
    let aliasSpellingIndices: [Int]

    init(
        position: Int, name: String, types: [ValueType], explicitAliases: [String], regex: PM2Regex?, min: Double?,
        defaultValue: String?
    ) {
        self.position = position
        self.name = name
        self.types = types
        self.explicitAliases = explicitAliases
        self.regex = regex
        self.min = min
        self.defaultValue = defaultValue
        var list = [PM2Schema.camelCase(name)]
        for a in explicitAliases { list.insert(a, at: 0) }
        aliases = list
        var all = [name]
        for a in list where !all.contains(a) { all.append(a) }
        spellings = all
        aliasSpellingIndices = list.map { all.firstIndex(of: $0)! }
    }
}

/// The three regular expressions of the schema, implemented exactly.
public enum PM2Regex: Sendable {
    /// `^\d+(G|M|K)?$`
    case bytes
    /// `^\d+(h|m|s)?$`
    case time
    /// `^(cluster|fork)(_mode)?$`
    case execMode

    public func matches(_ s: String) -> Bool {
        switch self {
        case .bytes: return PM2Regex.digitsThen(s, "GMK")
        case .time: return PM2Regex.digitsThen(s, "hms")
        case .execMode: return s == "cluster" || s == "fork" || s == "cluster_mode" || s == "fork_mode"
        }
    }

    /// `^\d+(units)?$`, by bytes (`\d` is an ASCII digit).
    static func digitsThen(_ s: String, _ units: StaticString) -> Bool {
        var body = s.utf8[...]
        let u = UnsafeBufferPointer(start: units.utf8Start, count: units.utf8CodeUnitCount)
        if let last = body.last, u.contains(last) { body = body.dropLast() }
        return !body.isEmpty && body.allSatisfy(isDigit)
    }

    /// PM2's description of what the value must look like (the schema's `desc`).
    public var description: String {
        switch self {
        case .bytes:
            return
                "it should be a NUMBER - byte, \"[NUMBER]G\"(Gigabyte), \"[NUMBER]M\"(Megabyte) or \"[NUMBER]K\"(Kilobyte)"
        case .time:
            return
                "it should be a NUMBER - milliseconds, \"[NUMBER]h\"(hours), \"[NUMBER]m\"(minutes) or \"[NUMBER]s\"(seconds)"
        case .execMode: return "it should be \"cluster\"(\"cluster_mode\") or \"fork\"(\"fork_mode\") only"
        }
    }
}

public enum PM2Schema {
    private static func key(
        _ name: String, _ types: [PM2Key.ValueType], aliases: [String] = [], regex: PM2Regex? = nil, min: Double? = nil,
        default value: String? = nil
    ) -> (Int) -> PM2Key {
        {
            PM2Key(
                position: $0, name: name, types: types, explicitAliases: aliases, regex: regex, min: min,
                defaultValue: value)
        }
    }

    /// The 64 named keys (the 65th, `^env_\S*$`, is matched by `isEnvironmentKey`).
    public static let keys: [PM2Key] = [
        key("script", [.string], aliases: ["exec"]),
        key("name", [.string]),
        key("name_prefix", [.string]),
        key("filter_env", [.boolean, .array, .string]),
        key("namespace", [.string]),
        key("install_url", [.string]),
        key("cwd", [.string]),
        key("args", [.array, .string]),
        key("exec_interpreter", [.string], aliases: ["interpreter"]),
        key("node_args", [.array, .string], aliases: ["interpreterArgs", "interpreter_args"]),
        key("out_file", [.string], aliases: ["out", "output", "out_log"]),
        key("error_file", [.string], aliases: ["error", "err", "err_file", "err_log"]),
        key("log_file", [.boolean, .string], aliases: ["log"]),
        key("disable_logs", [.boolean]),
        key("log_type", [.string]),
        key("log_date_format", [.string]),
        key("time", [.boolean]),
        key("env", [.object, .string]),
        key("max_memory_restart", [.string, .number], regex: .bytes),
        key("pid_file", [.string], aliases: ["pid"]),
        key("restart_delay", [.number]),
        key("exp_backoff_restart_delay", [.number]),
        key("source_map_support", [.boolean]),
        key("disable_source_map_support", [.boolean]),
        key("wait_ready", [.boolean]),
        key("instances", [.number]),
        key("kill_timeout", [.number]),
        key("shutdown_with_message", [.boolean]),
        key("listen_timeout", [.number]),
        key("cron_restart", [.string, .number], aliases: ["cron"]),
        key("merge_logs", [.boolean], aliases: ["combine_logs"]),
        key("vizion", [.boolean], default: "true"),
        key("autostart", [.boolean], default: "true"),
        key("autorestart", [.boolean], default: "true"),
        key("stop_exit_codes", [.array, .number]),
        key("watch_delay", [.number]),
        key("watch", [.boolean, .array, .string]),
        key("ignore_watch", [.array, .string]),
        key("watch_options", [.object]),
        key("min_uptime", [.number, .string], regex: .time, min: 100),
        key("max_restarts", [.number], min: 0),
        key("execute_command", [.boolean]),
        key("exec_mode", [.string], regex: .execMode),
        key("force", [.boolean]),
        key("append_env_to_name", [.boolean]),
        key("post_update", [.array]),
        key("trace", [.boolean]),
        key("disable_trace", [.boolean]),
        key("v8", [.boolean]),
        key("event_loop_inspector", [.boolean]),
        key("deep_monitoring", [.boolean]),
        key("increment_var", [.string]),
        key("instance_var", [.string], default: "NODE_APP_INSTANCE"),
        key("pmx", [.boolean, .string], default: "true"),
        key("automation", [.boolean], default: "true"),
        key("treekill", [.boolean], default: "true"),
        key("port", [.number]),
        key("username", [.string]),
        key("uid", [.number, .string], aliases: ["user"]),
        key("gid", [.number, .string]),
        key("windowsHide", [.boolean], default: "true"),
        key("kill_retry_time", [.number], default: "100"),
        key("write", [.boolean]),
        key("io", [.object]),
    ].enumerated().map { $1($0) }

    /// The key named `name` (its canonical name).
    public static func key(named name: String) -> PM2Key? {
        positionTable.value(name).map { keys[$0] }
    }

    /// Canonical name → position in `keys`, by bytes.
    static let positionTable = ByteKeyTable(keys.enumerated().map { ($1.name, $0) })

    /// Spelling → (position of its key in `keys`) << 8 | (its index in the key's `spellings`),
    /// for every spelling (the first key that has it), by bytes.
    static let spellingTable: ByteKeyTable = {
        var pairs: [(String, Int)] = []
        for (i, k) in keys.enumerated() { for (j, s) in k.spellings.enumerated() { pairs.append((s, i << 8 | j)) } }
        return ByteKeyTable(pairs)
    }()

    /// Every spelling of every key, once each.
    public static var allSpellings: [String] {
        var seen = Set<String>()
        return keys.flatMap(\.spellings).filter { seen.insert($0).inserted }
    }

    /// Keys PM2 reads from an app outside the schema (verifyConfs, Common.js:697-705).
    public static let extraKeys = ["cmd", "command"]

    /// `^env_\S*$`, the schema's one regular-expression key (Config.js:31,92-95):
    /// `env_production`, and also `env_` or `env_file`, but not a key with a space, a tab or a
    /// line break in it (the rarer whitespace `\S` also rules out, a form feed say, is not
    /// looked for).
    public static func isEnvironmentKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count >= 4, key[0] == UInt8(ascii: "e"), key[1] == UInt8(ascii: "n"), key[2] == UInt8(ascii: "v"),
            key[3] == UInt8(ascii: "_")
        else { return false }
        return !key.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    public static func isEnvironmentKey(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { isEnvironmentKey($0) }
    }

    /// Whether PM2 reads a key of an app at all (told by its bytes, without a `String`).
    public static func isKnown(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        spellingTable.value(key) != nil || isEnvironmentKey(key) || extraKeys.contains { key.elementsEqual($0.utf8) }
    }

    /// Config.js:34-41: split on `_`, capitalise segments after the first that are longer than 1.
    /// Schema keys are ASCII, so this works on their bytes (it runs for every key at start-up).
    public static func camelCase(_ key: String) -> String {
        var out: [UInt8] = []
        var segmentStart = 0
        let bytes = Array(key.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "_") || i == bytes.count - 1 {
            let end = b == UInt8(ascii: "_") ? i : i + 1
            var segment = bytes[segmentStart..<end]
            if segmentStart > 0 && segment.count > 1, let first = segment.first,
                first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
            {
                out.append(first - 32)
                segment = segment.dropFirst()
            }
            out += segment
            segmentStart = i + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Interpreters by script extension (lib/API/interpreter.json).
    public static let interpreterByExtension: [String: String] = [
        ".sh": "bash", ".py": "python", ".rb": "ruby", ".php": "php", ".pl": "perl", ".coffee": "coffee",
        ".ls": "lsc", ".ts": "bun", ".tsx": "bun",
    ]
}

/// The schema keys the models and rules ask an app for, found once: `app.field(.execMode)` is a
/// scan of the app's few fields, without hashing a name on every question.
extension PM2Key {
    /// A canonical name of `PM2Schema.keys` (a test asks for each of the keys below by name).
    private static func named(_ name: String) -> PM2Key { PM2Schema.key(named: name)! }

    public static let script = named("script")
    public static let name = named("name")
    public static let cwd = named("cwd")
    public static let execInterpreter = named("exec_interpreter")
    public static let nodeArgs = named("node_args")
    public static let outFile = named("out_file")
    public static let errorFile = named("error_file")
    public static let logFile = named("log_file")
    public static let pidFile = named("pid_file")
    public static let time = named("time")
    public static let logDateFormat = named("log_date_format")
    public static let waitReady = named("wait_ready")
    public static let listenTimeout = named("listen_timeout")
    public static let killTimeout = named("kill_timeout")
    public static let instances = named("instances")
    public static let execMode = named("exec_mode")
    public static let instanceVar = named("instance_var")
    public static let mergeLogs = named("merge_logs")
    public static let cronRestart = named("cron_restart")
    public static let maxMemoryRestart = named("max_memory_restart")
    public static let watch = named("watch")
    public static let ignoreWatch = named("ignore_watch")
    public static let sourceMapSupport = named("source_map_support")
    public static let port = named("port")
    public static let username = named("username")
    public static let uid = named("uid")
    public static let gid = named("gid")
}
