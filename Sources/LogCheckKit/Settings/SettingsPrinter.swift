/// `logcheck --show-settings`: the effective settings, as YAML that could be pasted into .logcheck.yml.
enum SettingsPrinter {
    static func render(_ s: Settings, source: String?) -> String {
        var out =
            "# effective logcheck settings"
            + (source.map { " (from \($0) and the command line)" } ?? " (defaults and the command line)") + "\n"
        out += "select: [" + s.select.joined(separator: ", ") + "]\n"
        out += "ignore: [" + s.ignore.joined(separator: ", ") + "]\n"
        out +=
            "severity:"
            + (s.severities.isEmpty
                ? " {}\n"
                : "\n" + s.severities.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value.label)\n" }.joined())
        out += "fail-on: \(s.failOn.label)\n"
        out +=
            "per-path-ignores:"
            + (s.pathIgnores.isEmpty
                ? " {}\n"
                : "\n" + s.pathIgnores.map { "  \"\($0.pattern)\": [\($0.rules.joined(separator: ", "))]\n" }.joined())
        out += "pm2-intercom: \(s.pm2IntercomInstalled ? "installed" : "not-installed")\n"
        out += "pm2-home: \(s.pm2Home ?? "~/.pm2")\n"
        return out
    }
}
