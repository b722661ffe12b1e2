import LogCheckKit
import LogCheckSyntax
import Testing

/// logcheck's verdict on an ecosystem file is PM2 7.0.3's own at `pm2 start`: what
/// `verifyConfs` (lib/Common.js:680-872) does to an app before `Config.validateJSON`
/// (lib/tools/Config.js:82-140) sees it, and what the schema (lib/API/schema.json) accepts.
/// Each case names the runtime's verdict and the line that decides it.
@Suite struct PM2VerdictTests {
    func app(_ body: String) -> String {
        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', \(body) }],\n};\n"
    }

    // MARK: false findings removed

    @Test func cronPatternsCroner4Rejects() {
        // Rejected: determineCron runs `Croner(app.cron_restart)` of croner 4.1.97 before
        // validation (Common.js:318-334, 854-857), whose parser takes exactly 5 or 6 fields, no
        // W or #, single values in a list, and only strings (src/pattern.js).
        let fails = "`pm2 start` fails with \"Cron pattern error: CronPattern:"
        expectFindings(
            "ecosystem.config.js", app("cron_restart: «5»"),
            [
                (
                    "LC326", .error,
                    fails + " Pattern has to be of type string.\": croner takes the pattern only as a string: quote it"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("cron_restart: «'@daily'»"),
            [
                (
                    "LC326", .error,
                    fails
                        + " invalid configuration format ('@daily'), exacly five or six space separated parts required.\": croner 4.1.97, which PM2 7.0.3 uses, has no nicknames: write '0 0 * * *' for @daily"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("cron_restart: «'0 0 1 1 * 2025 *'»"),
            [
                (
                    "LC326", .error,
                    fails
                        + " invalid configuration format ('0 0 1 1 * 2025 *'), exacly five or six space separated parts required.\": croner 4.1.97, which PM2 7.0.3 uses, has no year field: drop the seventh"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("cron_restart: «'0 0 * * 1#2'»"),
            [
                (
                    "LC326", .error,
                    fails
                        + " configuration entry 5 (1#2) contains illegal characters.\": croner 4.1.97, which PM2 7.0.3 uses, has no W, # or L in this place"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("cron_restart: «'0 0 1-5,10 * *'»"),
            [
                (
                    "LC326", .error,
                    fails
                        + " Range with stepping cannot coexist with ,\": croner 4.1.97, which PM2 7.0.3 uses, takes only single values in a list: write each value (1,2,3,5)"
                )
            ])
        // Valid: 0 and false disable cron restarts (Common.js:319-322); L alone is the last day.
        expectFindings("ecosystem.config.js", app("cron_restart: 0"), [])
        expectFindings("ecosystem.config.js", app("cron_restart: false"), [])
        expectFindings("ecosystem.config.js", app("cron_restart: '0 0 L * *'"), [])
    }

    @Test func falsyEnvBecomesAnEmptyObject() {
        // Valid: `if (!app.env) app.env = {}` before validation (Common.js:707-709).
        expectFindings("ecosystem.config.js", app("env: false"), [])
        expectFindings("ecosystem.config.js", app("env: 0"), [])
    }

    @Test func combineLogsIsNotReadWhenMergeLogsIsPreset() {
        // Valid: outside cluster mode and without instances, verifyConfs sets merge_logs = true
        // (Common.js:846-850), so validateJSON never reads combine_logs (Config.js:99-101).
        expectFindings(
            "ecosystem.config.js", app("«combine_logs»: 'yes'"),
            [
                (
                    "LC330", .info,
                    "combine_logs does nothing for app \"api\", which runs 1 process: it merges the files of several processes, not out and err (for one combined file, use log_file)"
                )
            ])
        // Rejected: in cluster mode the alias is read and validated (Common.js:862-866).
        expectFindings(
            "ecosystem.config.js", app("exec_mode: 'cluster', instances: 2, combine_logs: «'yes'»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"merge_logs\" to be a typeof [object Boolean], but now is [object String] (written \"combine_logs\")"
                )
            ])
    }

    @Test func usernameIsOverwritten() {
        // Valid: `app.username = Common.getCurrentUsername()` before validation (Common.js:719).
        expectFindings(
            "ecosystem.config.js", app("«username»: 5"),
            [
                (
                    "LC327", .warning,
                    "PM2 overwrites username with the user that runs pm2; to run the app as another user, use uid (as root)"
                )
            ])
    }

    @Test func argsAreOverwrittenForAScriptWithASpace() {
        // Valid: a script with a space runs as `bash -c <script>`, args = ['-c', script]
        // (Common.js:725-745).
        expectFindings(
            "ecosystem.config.js",
            "module.exports = {\n  apps: [{ name: 'api', script: 'node server.js', args: 5 }],\n};\n", [])
        // Rejected: otherwise args is validated (Config.js:180).
        expectFindings(
            "ecosystem.config.js", app("args: «5»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"args\" to be a typeof [object Array] / [object String], but now is [object Number]"
                )
            ])
    }

    @Test func pmxIsOverwrittenWhenAutomationIsOff() {
        // Valid: `if (app.automation == false) app.pmx = false` (Common.js:817-819).
        expectFindings("ecosystem.config.js", app("pmx: 5, automation: false"), [])
    }

    @Test func disableTraceIsDeletedBeforeValidation() {
        // Valid: a truthy disable_trace sets trace = false and is deleted (Common.js:821-824).
        expectFindings("ecosystem.config.js", app("disable_trace: 'yes', trace: 'x'"), [])
        // Rejected: its camelCase alias is then what validateJSON reads (Config.js:99-101).
        expectFindings(
            "ecosystem.config.js", app("disable_trace: 'yes', disableTrace: «5»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"disable_trace\" to be a typeof [object Boolean], but now is [object Number] (written \"disableTrace\")"
                )
            ])
    }

    @Test func executeCommandOverwritesExecMode() {
        // Valid: `execute_command == true` sets exec_mode = 'fork' and is deleted
        // (Common.js:714-717), after the replace() on exec_mode (693-694).
        expectFindings("ecosystem.config.js", app("exec_mode: 'Cluster', execute_command: 1"), [])
    }

    @Test func pmxTakesAString() {
        // Valid: pmx is boolean or string in PM2 7.0.3's schema (lib/API/schema.json, pmx).
        expectFindings("ecosystem.config.js", app("pmx: 'false'"), [])
    }

    @Test func deployOnlyFileIsForPM2Deploy() {
        // Valid for `pm2 deploy`: deploy is read from the top-level object (API.js:940-954,
        // Deploy.js:97), not an app key.
        expectFindings(
            "ecosystem.config.js",
            "module.exports = {\n  deploy: { production: { user: 'deploy', host: 'web1', ref: 'origin/main', repo: 'git@example.com:api.git', path: '/srv/api' } },\n};\n",
            [])
    }

    @Test func logFileLooksAtEachFile() {
        // prepareAppConf resolves log, out and error one by one; 'NULL' and '/dev/null' disable
        // one (Common.js:201-234).
        expectFindings(
            "ecosystem.config.js", app("log_file: «'all.log'», out_file: '/dev/null'"),
            [
                ("LC315", .info, "log_file adds a combined file, but PM2 still writes app \"api\"'s error file too")
            ])
        expectFindings("ecosystem.config.js", app("log_file: '/dev/null'"), [])
        expectFindings("ecosystem.config.js", app("log_file: 'all.log', out_file: 'NULL', error_file: '/dev/null'"), [])
    }

    @Test func aliasWithTheSameValueIsNoConflict() {
        // The first truthy spelling wins (Config.js:99-101); the same value twice changes nothing.
        expectFindings(
            "ecosystem.config.js", app("instances: 2, exec_mode: 'cluster', merge_logs: true, «combine_logs»: true"),
            [
                (
                    "LC310", .info,
                    "combine_logs holds the same value as merge_logs, which PM2 reads: no conflict, but one of them can go"
                )
            ])
    }

    // MARK: what PM2 rejects

    @Test func instancesOfTheWrongType() {
        // Rejected: only strings are normalised (Common.js:838-844); a boolean or an object fails
        // the number type (Config.js:174-182) and the file is aborted (Common.js:862-866).
        expectFindings(
            "ecosystem.config.js", app("instances: «true»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"instances\" to be a typeof [object Number], but now is [object Boolean]"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("instances: «false»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"instances\" to be a typeof [object Number], but now is [object Boolean]"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("instances: «{}»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"instances\" to be a typeof [object Number], but now is [object Object]"
                )
            ])
    }

    @Test func nullEnvironmentSection() {
        // Rejected: keys matching ^env_\S*$ are validated as written, null included
        // (Config.js:127-137, 180); a null `env` becomes {} (Common.js:707-709).
        expectFindings(
            "ecosystem.config.js", app("env_production: «null»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"env_production\" to be a typeof [object Object] / [object String], but now is [object Null]"
                )
            ])
        expectFindings("ecosystem.config.js", app("env: null"), [])
    }

    @Test func cmdThatIsNotAString() {
        // Crash: cmd moves to script (Common.js:697-700), then path.basename / indexOf on a number
        // throw a TypeError (Common.js:712, 725).
        expectFindings(
            "ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', cmd: «5» }],\n};\n",
            [
                (
                    "LC305", .error,
                    "`pm2 start` crashes with a TypeError: cmd is [object Number], not a path or command (PM2 moves cmd to script first)"
                )
            ])
    }

    @Test func emptyTopLevelObjectIsOneAppWithoutScript() {
        // Rejected: no apps and no pm2 make the whole object one app (API.js:940-954), which
        // has no script: "No script path - aborting" (Common.js:109-110).
        expectFindings(
            "ecosystem.config.js", "module.exports = «{}»;\n",
            [
                ("LC322", .error, "app #1 has no script: PM2 skips it with \"No script path - aborting\"")
            ])
    }

    @Test func functionsAndRegExpsInAConfigJS() {
        // Rejected: Object.prototype.toString gives [object RegExp] / [object Function], which no
        // schema type matches (Config.js:171, 180).
        expectFindings(
            "ecosystem.config.js", app("ignore_watch: «/node_modules/»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"ignore_watch\" to be a typeof [object Array] / [object String], but now is [object RegExp]"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("instances: «function () { return 2 }»"),
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"instances\" to be a typeof [object Number], but now is [object Function]"
                )
            ])
    }

    @Test func yamlNumberWithUnderscoresIsAString() {
        // Not changed, on purpose: js-yaml 4.2.0 "Stop resolving numbers with underscores as
        // numeric scalars" (#627), and PM2 7.0.3 loads YAML with js-yaml 4.3.0 (Common.js:279-306),
        // so `3_000` is the string "3_000", which Number() cannot read: a type error
        // (Config.js:174-182).
        expectFindings(
            "ecosystem.yml", "apps:\n  - name: api\n    script: server.js\n    kill_timeout: «3_000»\n",
            [
                (
                    "LC305", .error,
                    "`pm2 start` aborts every app in this file: Expect \"kill_timeout\" to be a typeof [object Number], but now is [object String]"
                )
            ])
    }

    // MARK: opt-in rules

    @Test func optInRulesAreOffByDefault() {
        let file = app("exec_mode: 'cluster', instances: 2, log_date_format: «'YYYY-MM-DD'», wait_ready: «true»")
        let lc332 = (
            "LC332", Severity.info,
            "in cluster mode PM2 puts the date before each write of app \"api\", not each line: the lines of a stack trace after the first have no date"
        )
        let lc316 = (
            "LC316", Severity.info,
            "wait_ready: app \"api\" must call process.send('ready') when it is listening; otherwise every reload waits 3000 ms (listen_timeout) and then goes on anyway"
        )
        let plain = PreparedExample([ExampleFile("ecosystem.config.js", file)])
        #expect(check(plain.sources).isEmpty)
        expectFindings(
            "ecosystem.config.js", file, [lc332, lc316], settings: "severity:\n  LC332: info\n  LC316: info")
        // An exact id or slug in select turns it on; a prefix does not.
        expectFindings(
            "ecosystem.config.js", file.replacing("«true»", with: "true"), [lc332],
            settings: "select: [cluster-log-date-format]")
        #expect(check(plain.sources, settings: "select: [LC3]").isEmpty)
        #expect(
            !LC316WaitReadyAndTimeouts.description.defaultEnabled
                && !LC332ClusterLogDateFormat.description.defaultEnabled)
        #expect(RuleDocs.list().contains("(opt-in)"))
    }

    // MARK: near-typos that lose a setting

    @Test func typoThatChangesHowTheAppRuns() {
        // validateJSON drops unknown keys silently (Config.js:82-140); without exec_mode and
        // instances the app runs one process in fork mode (Common.js:339-357).
        expectFindings(
            "ecosystem.config.js", app("«exec_mod»: 'cluster'"),
            [
                (
                    "LC304", .error,
                    "PM2 ignores \"exec_mod\" without a word; did you mean \"exec_mode\"? Without it app \"api\" runs in fork mode, not cluster mode"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("«instance»: 4"),
            [
                (
                    "LC304", .error,
                    "PM2 ignores \"instance\" without a word; did you mean \"instances\"? Without it app \"api\" runs 1 process in fork mode instead of 4 processes in cluster mode"
                )
            ])
        // Without merge_logs each process gets -<pm_id> in its file names (God.js:207-213).
        expectFindings(
            "ecosystem.config.js", app("exec_mode: 'cluster', instances: 2, «marge_logs»: true"),
            [
                (
                    "LC304", .error,
                    "PM2 ignores \"marge_logs\" without a word; did you mean \"merge_logs\"? Without it the processes of app \"api\" (2 processes) each write their own out and error files: PM2 adds -<pm_id> to their names"
                )
            ])
        expectFindings(
            "ecosystem.config.js", app("watch: true, «ignore_watches»: ['logs']"),
            [
                (
                    "LC304", .error,
                    "PM2 ignores \"ignore_watches\" without a word; did you mean \"ignore_watch\"? Without it watch does not ignore what it lists: a change there restarts app \"api\""
                )
            ])
    }

    @Test func typoThatChangesNothingStaysAWarning() {
        // Cluster anyway: instances is set and the interpreter is node (Common.js:339-357).
        expectFindings(
            "ecosystem.config.js", app("exec_mode: 'cluster', instances: 2, «exec_mod»: 'cluster'"),
            [
                ("LC304", .warning, "PM2 ignores \"exec_mod\" without a word; did you mean \"exec_mode\"?")
            ])
        // One fork process: merge_logs is set to true anyway (Common.js:846-850).
        expectFindings(
            "ecosystem.config.js", app("«marge_logs»: true"),
            [
                ("LC304", .warning, "PM2 ignores \"marge_logs\" without a word; did you mean \"merge_logs\"?")
            ])
        // watch is off: nothing is watched.
        expectFindings(
            "ecosystem.config.js", app("«ignore_watches»: ['logs']"),
            [
                ("LC304", .warning, "PM2 ignores \"ignore_watches\" without a word; did you mean \"ignore_watch\"?")
            ])
    }

    // MARK: the log4js version decides cluster forwarding (V03, V04)

    @Test func clusterModeLosesNothingUnderLog4js1() {
        // 0.6 and 1.x attach the appenders in every process (log4js.js:137-188 at v0.6.38): a
        // cluster worker writes like a fork process. From 2.0 a worker sends its events to the
        // master (log4js.js:140-155 at v2.0.0), PM2's daemon, and LC101 applies.
        let eco =
            "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 2, exec_mode: 'cluster', env: { LOG4JS_CONFIG: 'log4js.json' } }] };\n"
        let conf =
            #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
        let v1 = #"{"appenders": [{"type": "console"}]}"#
        func rules(_ range: String, _ config: String) -> [String] {
            check([
                ExampleFile("package.json", #"{"dependencies": {"log4js": ""# + range + #""}}"#),
                ExampleFile("ecosystem.config.js", eco), ExampleFile("server.js", ""),
                ExampleFile("log4js.json", config),
            ]).map { "\($0.rule.id) \($0.notes.first { $0.hasPrefix("assumes") } ?? "")" }
        }
        #expect(rules("^0.6.38", v1) == [])
        #expect(rules("1.1.1", v1) == [])
        #expect(rules("^2.0.0", conf) == ["LC101 assumes log4js 2.x: package.json has \"log4js\": \"^2.0.0\""])
        #expect(rules("^6.9.1", conf) == ["LC101 assumes log4js 6.x: package.json has \"log4js\": \"^6.9.1\""])
    }
}
