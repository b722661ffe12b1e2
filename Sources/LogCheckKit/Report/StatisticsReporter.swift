/// `--statistics`: one line per rule instead of the findings, most frequent first.
///
///      3  LC304  warning  unknown-app-key  [*]
///      1  LC101  error    cluster-without-log-relay
///
/// `[*]` marks rules whose findings here all have a safe fix (`[-]`: some of them).
public struct StatisticsReporter: Reporter {
    public var summary: TextReporter?

    public init(summary: TextReporter?) {
        self.summary = summary
    }

    public func render(_ report: Report) -> String {
        var groups: [String: [Diagnostic]] = [:]
        for d in report.diagnostics { groups[d.rule.id, default: []].append(d) }
        let rows = groups.values.sorted { a, b in a.count != b.count ? a.count > b.count : a[0].rule.id < b[0].rule.id }
        let countWidth = rows.map { String($0.count).count }.max() ?? 1
        let severityWidth = rows.map { $0[0].severity.label.count }.max() ?? 0
        let slugWidth = rows.map { $0[0].rule.slug.count }.max() ?? 0
        var out = ""
        for group in rows {
            let d = group[0]
            let fixable = group.filter { $0.fixes.contains { $0.applicability == .safe } }.count
            let mark = fixable == group.count ? "[*]" : fixable > 0 ? "[-]" : ""
            let count = String(group.count)
            var line = String(repeating: " ", count: countWidth - count.count) + count + "  " + d.rule.id + "  "
            line += pad(d.severity.label, severityWidth) + "  " + pad(d.rule.slug, slugWidth) + "  " + mark
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        if let summary { out += summary.summary(report) }
        return out
    }

    func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
