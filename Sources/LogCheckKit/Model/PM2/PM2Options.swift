/// The options PM2 7.0.3's command-line programs define, and the app field each one sets.
///
/// - `pm2`: the global options of lib/binaries/CLI.js:31-96 (commander also adds `-V
///   --version` and `-h --help`), with the `start` command's own (CLI.js:264-272) and
///   `install`'s (CLI.js:498-504).
/// - `pm2-runtime` / `pm2-docker`: Runtime4Docker.js:16-46.
/// - `pm2-dev`: DevCLI.js:20-31.
///
/// The field is the schema key whose camel-cased name or alias is the option's commander
/// attribute (`Config.filterOptions`, Config.js:61-75, with the aliases rendered at
/// Config.js:23-54): `--merge-logs` is `mergeLogs`, which is `merge_logs`; `-o --output` is
/// `output`, an alias of `out_file`; `-u --user` is `user`, an alias of `uid`.
enum PM2Options {
    enum Argument: Sendable, Equatable {
        case none
        /// `<value>`: the next word, whatever it is.
        case required
        /// `[value]`: the next word unless it starts with `-`.
        case optional
    }

    struct Spec: Sendable {
        var short: String?
        var long: String
        var argument: Argument
        /// The app field the option sets.
        var field: String?
        /// `--no-autorestart`: sets the field to false.
        var negated = false
        /// The field's schema type takes a number.
        var numeric = false
    }

    struct Table: Sendable {
        let specs: [Spec]
        let byFlag: [String: Spec]
        let index: Suggest.Index

        init(_ specs: [Spec]) {
            self.specs = specs
            var byFlag: [String: Spec] = [:]
            // commander's `optionFor` takes the first option with the flag (`-c` is `--cron`).
            for s in specs {
                if let short = s.short, byFlag[short] == nil { byFlag[short] = s }
                if byFlag[s.long] == nil { byFlag[s.long] = s }
            }
            self.byFlag = byFlag
            self.index = Suggest.Index(specs.map(\.long))
        }

        func option(_ flag: String) -> Spec? { byFlag[flag] }

        /// The closest defined long option to an unknown one (`--instance` → `--instances`). A
        /// one-letter option is not spelt close to anything: it gets the option pm2 gives that
        /// letter, when this program has it (pm2-runtime's `-l` gets nothing: it has no `--log`).
        func suggestion(_ flag: String) -> String? {
            if flag.count == 2, flag.hasPrefix("-"), flag != "--" {
                guard let long = PM2Options.pm2.option(flag)?.long, option(long) != nil else { return nil }
                return long
            }
            let long = flag.hasPrefix("--") ? flag : "-" + flag
            return index.closest(long, maxDistance: 2)
        }
    }

    static func table(for program: PM2CommandLine.Program) -> Table {
        switch program {
        case .pm2: return pm2
        case .pm2Runtime, .pm2Docker: return runtime
        case .pm2Dev: return dev
        }
    }

    private static func flag(_ short: String?, _ long: String, _ field: String? = nil, numeric: Bool = false) -> Spec {
        Spec(short: short, long: long, argument: .none, field: field, numeric: numeric)
    }
    private static func value(_ short: String?, _ long: String, _ field: String? = nil, numeric: Bool = false) -> Spec {
        Spec(short: short, long: long, argument: .required, field: field, numeric: numeric)
    }
    private static func maybe(_ short: String?, _ long: String, _ field: String? = nil, numeric: Bool = false) -> Spec {
        Spec(short: short, long: long, argument: .optional, field: field, numeric: numeric)
    }
    private static func no(_ long: String, _ field: String?) -> Spec {
        Spec(short: nil, long: long, argument: .none, field: field, negated: true)
    }

    static let commanderOptions: [Spec] = [flag("-V", "--version"), flag("-h", "--help")]

    static let pm2 = Table(
        [
            flag("-v", "--version"),
            flag("-s", "--silent"),
            value(nil, "--ext"),
            value("-n", "--name", "name"),
            flag("-m", "--mini-list"),
            value(nil, "--interpreter", "exec_interpreter"),
            value(nil, "--interpreter-args", "node_args"),
            value(nil, "--node-args", "node_args"),
            value("-o", "--output", "out_file"),
            value("-e", "--error", "error_file"),
            maybe("-l", "--log", "log_file"),
            maybe(nil, "--filter-env", "filter_env"),
            value(nil, "--log-type", "log_type"),
            value(nil, "--log-date-format", "log_date_format"),
            flag(nil, "--time", "time"),
            flag(nil, "--disable-logs", "disable_logs"),
            value(nil, "--env"),
            flag("-a", "--update-env"),
            flag("-f", "--force", "force"),
            value("-i", "--instances", "instances", numeric: true),
            value(nil, "--parallel"),
            flag(nil, "--shutdown-with-message", "shutdown_with_message"),
            value("-p", "--pid", "pid_file"),
            value("-k", "--kill-timeout", "kill_timeout", numeric: true),
            value(nil, "--listen-timeout", "listen_timeout", numeric: true),
            value(nil, "--max-memory-restart", "max_memory_restart", numeric: true),
            value(nil, "--restart-delay", "restart_delay", numeric: true),
            value(nil, "--exp-backoff-restart-delay", "exp_backoff_restart_delay", numeric: true),
            flag("-x", "--execute-command", "execute_command"),
            maybe(nil, "--max-restarts", "max_restarts", numeric: true),
            value("-u", "--user", "uid", numeric: true),
            value(nil, "--uid", "uid", numeric: true),
            value(nil, "--gid", "gid", numeric: true),
            value(nil, "--namespace", "namespace"),
            value(nil, "--cwd", "cwd"),
            value(nil, "--hp"),
            flag(nil, "--wait-ip"),
            value(nil, "--service-name"),
            value("-c", "--cron", "cron_restart", numeric: true),
            value("-c", "--cron-restart", "cron_restart", numeric: true),
            flag("-w", "--write", "write"),
            no("--no-daemon", nil),
            flag(nil, "--source-map-support", "source_map_support"),
            value(nil, "--only"),
            flag(nil, "--disable-source-map-support", "disable_source_map_support"),
            flag(nil, "--wait-ready", "wait_ready"),
            flag(nil, "--merge-logs", "merge_logs"),
            maybe(nil, "--watch", "watch"),
            value(nil, "--ignore-watch", "ignore_watch"),
            value(nil, "--watch-delay", "watch_delay", numeric: true),
            no("--no-color", nil),
            no("--no-vizion", "vizion"),
            no("--no-autostart", "autostart"),
            no("--no-autorestart", "autorestart"),
            value(nil, "--stop-exit-codes", "stop_exit_codes", numeric: true),
            no("--no-treekill", "treekill"),
            no("--no-pmx", "pmx"),
            no("--no-automation", "automation"),
            flag(nil, "--trace", "trace"),
            flag(nil, "--disable-trace", "disable_trace"),
            value(nil, "--sort"),
            flag(nil, "--attach"),
            flag(nil, "--v8", "v8"),
            flag(nil, "--event-loop-inspector", "event_loop_inspector"),
            flag(nil, "--deep-monitoring", "deep_monitoring"),
            // `start`
            flag(nil, "--fresh"),
            flag(nil, "--daemon"),
            flag(nil, "--container"),
            flag(nil, "--dist"),
            maybe(nil, "--image-name"),
            maybe(nil, "--node-version"),
            flag(nil, "--dockerdaemon"),
            // `install`
            flag(nil, "--tarball"),
            flag(nil, "--install"),
            flag(nil, "--docker"),
            flag(nil, "--v1"),
            maybe(nil, "--safe"),
        ] + commanderOptions)

    static let runtime = Table(
        [
            value("-i", "--instances", "instances", numeric: true),
            maybe(nil, "--secret"),
            no("--no-autostart", "autostart"),
            no("--no-autorestart", "autorestart"),
            value(nil, "--stop-exit-codes", "stop_exit_codes", numeric: true),
            value(nil, "--node-args", "node_args"),
            value("-n", "--name", "name"),
            value(nil, "--max-memory-restart", "max_memory_restart", numeric: true),
            value("-c", "--cron", "cron_restart", numeric: true),
            value(nil, "--interpreter", "exec_interpreter"),
            maybe(nil, "--public"),
            maybe(nil, "--machine-name"),
            flag(nil, "--trace", "trace"),
            flag(nil, "--v8", "v8"),
            flag(nil, "--format"),
            flag(nil, "--raw"),
            flag(nil, "--formatted"),
            flag(nil, "--json"),
            value(nil, "--delay"),
            maybe(nil, "--web"),
            value(nil, "--only"),
            no("--no-auto-exit", nil),
            maybe(nil, "--env"),
            flag(nil, "--watch", "watch"),
            value(nil, "--error", "error_file"),
            value(nil, "--output", "out_file"),
            flag(nil, "--deep-monitoring", "deep_monitoring"),
        ] + commanderOptions)

    static let dev = Table(
        [
            flag(nil, "--raw"),
            flag(nil, "--timestamp"),
            value(nil, "--node-args", "node_args"),
            maybe(nil, "--ignore"),
            maybe(nil, "--post-exec"),
            flag(nil, "--silent-exec"),
            flag(nil, "--test-mode"),
            value(nil, "--interpreter", "exec_interpreter"),
            maybe(nil, "--env"),
            flag(nil, "--auto-exit"),
        ] + commanderOptions)

    /// The options `_startJson` applies to every app of an ecosystem file (API.js:985-1026):
    /// `--watch` without paths, `--uid`, `--gid` and `--namespace`. Every other app option is
    /// dropped there; `-i` too, as commander gives a string and only a number is applied
    /// (API.js:1010-1012), and `--ignore-watch`, which commander stores as `ignoreWatch` while
    /// `_startJson` reads `ignore_watch` (API.js:1006-1007).
    static func appliedToEcosystemApps(_ option: PM2CommandLine.Option) -> Bool {
        switch option.name {
        case "--watch": return option.value == nil
        case "--uid", "--gid", "--namespace": return true
        default: return false
        }
    }

    /// The commands and aliases of lib/binaries/CLI.js (`commander.command(…)`, `.alias(…)`), with
    /// `log` (rewritten to `logs`, CLI.js:188-190) and `completion` (CLI.js:220); any other first
    /// word is "Command not found" (CLI.js:1055-1061).
    static let commands: Set<String> = [
        "attach", "autoinstall", "backward", "cleardump", "conf", "config", "create", "dash", "dashboard",
        "deepUpdate", "del", "delete", "deploy", "desc", "describe", "dump", "ecosystem", "env", "examples",
        "expose", "flush", "forward", "get", "id", "imonit", "info", "init", "inspect", "install",
        "install-otel", "jlist", "kill", "l", "link", "list", "login", "logout", "logrotate", "logs", "ls",
        "module:generate", "module:install", "module:publish", "module:uninstall", "module:update", "monit",
        "monitor", "multiset", "open", "package", "pid", "ping", "plus", "prettylist", "profile:cpu",
        "profile:mem", "ps", "publish", "pull", "register", "reload", "reloadLogs", "report", "reset",
        "restart", "resurrect", "save", "scale", "send", "sendSignal", "serve", "set", "show", "slist",
        "start", "startOrGracefulReload", "startOrReload", "startOrRestart", "startup", "status", "stop",
        "sysinfos", "trigger", "uninstall", "uninstall-otel", "unlink", "unmonitor", "unset", "unstartup",
        "update", "updatePM2", "log", "completion",
    ]
    static let commandIndex = Suggest.Index(
        ["start", "restart", "reload", "startOrRestart", "startOrReload", "install", "stop", "delete", "save"])
}
