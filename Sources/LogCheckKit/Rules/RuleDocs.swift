import LogCheckSyntax

/// Renders rule descriptions: `logcheck rules`, `logcheck explain`, the `rules/*.md` pages and
/// SARIF help texts all come from here.
public enum RuleDocs {
    public static func list() -> String {
        var out = "ID     NAME                              SEVERITY  FIX     SUMMARY\n"
        for r in RuleRegistry.all {
            out +=
                pad(r.id, 7) + pad(r.slug, 34) + pad(r.severity.label, 10)
                + pad(r.fix == .none ? "-" : r.fix.rawValue, 8) + r.summary
                + (r.defaultEnabled ? "" : " (opt-in)") + "\n"
        }
        if RuleRegistry.all.contains(where: { !$0.defaultEnabled }) {
            out +=
                "\n(opt-in): off unless select (in .logcheck.yml or --select) names the rule by id or slug, or severity gives it one.\n"
        }
        return out
    }

    /// What an opt-in rule's page says under its severity line.
    static func optInNote(_ r: RuleDescription) -> String {
        "**Opt-in:** off by default. It is reported when `select` names it by id or slug (`select: [\(r.id)]` in `.logcheck.yml`, or `--select \(r.id)`; a prefix such as `\(r.id.prefix(3))` does not turn it on), or when `severity` gives it one (`severity: {\(r.id): \(r.severity.label)}`), which keeps every other rule on.\n\n"
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func fence(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix(".json") { return "json" }
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") { return "yaml" }
        if lower.hasSuffix(".js") || lower.hasSuffix(".cjs") || lower.hasSuffix(".mjs") { return "js" }
        return ""
    }

    /// Where the markers of an example file point (1-based line and column of each `«`).
    static func markerPositions(_ content: String) -> [LineColumn] {
        var result: [LineColumn] = []
        var line = 1
        var column = 1
        for c in content.unicodeScalars {
            if c == "«" {
                result.append(LineColumn(line: line, column: column))
                continue
            }
            if c == "»" { continue }
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }

    /// The Markdown page of a rule.
    public static func page(_ r: RuleDescription) -> String {
        var out = "# \(r.id) \(r.slug)\n\n"
        let fix: String
        switch r.fix {
        case .none: fix = "none"
        case .safe: fix = "safe (`--fix`)"
        case .unsafe: fix = "unsafe (`--fix --unsafe-fixes`)"
        case .mixed: fix = "safe or unsafe, depending on the finding"
        }
        out +=
            "**Severity:** \(r.severity.label)\(r.defaultEnabled ? "" : " (opt-in)") · **Family:** \(r.family.title) · **Fix:** \(fix)\n\n"
        if !r.defaultEnabled { out += optInNote(r) }
        out += r.summary + "\n\n"
        let cited = evidenceCitations(in: r.rationale)
        out += "## Why\n\n" + linkingCitations(r.rationale) + "\n\n"
        if !r.references.isEmpty {
            out +=
                "Reference items: " + r.references.map { "[\($0)]" }.joined(separator: ", ")
                + " (evidence: `docs/evidence/`; what became of every item: `rules/README.md`).\n\n"
        }
        // Reference-style link definitions: invisible on the rendered page, one short line each in
        // `logcheck explain`, and the inline text stays `[C07]`.
        var definitions: [String] = []
        for item in r.references { definitions.append("[\(item)]: ../\(evidencePath(item))") }
        for path in cited { definitions.append("[\(path)]: ../\(path)") }
        if !definitions.isEmpty { out += definitions.joined(separator: "\n") + "\n\n" }
        if let f = r.fixDescription {
            out += "## Fix\n\n" + f + "\n\n"
        }
        let bad = r.examples.filter { $0.triggers }
        let good = r.examples.filter { !$0.triggers }
        if !bad.isEmpty {
            out += "## Reported\n\n"
            for ex in bad { out += example(ex, r) }
        }
        if !good.isEmpty {
            out += "## Not reported\n\n"
            for ex in good { out += example(ex, r) }
        }
        return out
    }

    /// Where a reference item is documented, relative to the repository root:
    /// `docs/evidence/log4js.md#C07` (C, S, CP items), `docs/evidence/pm2.md#R10` (R items),
    /// `docs/evidence/measured.md#M3` (measured rules). An apostrophe is spelled `p` in anchors (C32p).
    public static func evidencePath(_ item: String) -> String {
        let file: String
        if item.hasPrefix("R") {
            file = "pm2.md"
        } else if item.hasPrefix("M") {
            file = "measured.md"
        } else {
            file = "log4js.md"
        }
        return "docs/evidence/\(file)#" + item.replacing("'", with: "p")
    }

    static let evidencePrefix = "docs/evidence/"

    /// The `docs/evidence/<file>.md#<anchor>` citations in a text, in order, without repeats.
    public static func evidenceCitations(in text: String) -> [String] {
        var found: [String] = []
        for (_, citation) in citationRanges(text) where !found.contains(citation) { found.append(citation) }
        return found
    }

    /// Each citation with the range it occupies.
    static func citationRanges(_ text: String) -> [(Range<String.Index>, String)] {
        func isName(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") }
        var result: [(Range<String.Index>, String)] = []
        var searchFrom = text.startIndex
        while let hit = text[searchFrom...].firstRange(of: evidencePrefix) {
            searchFrom = hit.upperBound
            var i = hit.upperBound
            while i < text.endIndex, isName(text[i]) { i = text.index(after: i) }
            guard text[i...].hasPrefix(".md#") else { continue }
            i = text.index(i, offsetBy: 4)
            let anchorStart = i
            while i < text.endIndex, isName(text[i]) { i = text.index(after: i) }
            guard i > anchorStart else { continue }
            result.append((hit.lowerBound..<i, String(text[hit.lowerBound..<i])))
            searchFrom = i
        }
        return result
    }

    /// The text with each evidence citation written as a reference-style link (`[docs/evidence/…]`),
    /// whose definition `page` adds.
    static func linkingCitations(_ text: String) -> String {
        var out = ""
        var last = text.startIndex
        for (range, citation) in citationRanges(text) {
            out += text[last..<range.lowerBound]
            out += "[" + citation + "]"
            last = range.upperBound
        }
        return out + text[last...]
    }

    static func example(_ ex: RuleExample, _ r: RuleDescription) -> String {
        var out = ""
        if let caption = ex.caption { out += caption + "\n\n" }
        if let settings = ex.settings { out += "With `.logcheck.yml`:\n\n```yaml\n\(settings)\n```\n\n" }
        var markers: [(file: String, pos: LineColumn)] = []
        for f in ex.files {
            out += "`\(f.name)`:\n\n```\(fence(f.name))\n\(block(f.text))```\n\n"
            for p in markerPositions(f.content) { markers.append((f.name, p)) }
        }
        if ex.triggers {
            for (k, message) in ex.messages.enumerated() {
                let at = k < markers.count ? "\(markers[k].file):\(markers[k].pos.line):\(markers[k].pos.column)" : ""
                out += "- `\((ex.severity ?? r.severity).label)[\(r.id)]` \(at): \(message)\n"
            }
            out += "\n"
        }
        for (name, fixed) in ex.fixed.sorted(by: { $0.key < $1.key }) {
            out +=
                "After `logcheck --fix\(ex.unsafeFixes ? " --unsafe-fixes" : "")`, `\(name)`:\n\n```\(fence(name))\n\(block(fixed))```\n\n"
        }
        return out
    }

    /// Text for a fenced block: ends with exactly one newline.
    static func block(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Markdown reduced to plain text (for SARIF's text fields).
    public static func plain(_ markdown: String) -> String {
        markdown.replacing("`", with: "").replacing("**", with: "")
    }

    /// `rules/README.md`: the index of every rule, and what each reference item became.
    public static func index() -> String {
        var out = "# logcheck rules\n\n"
        out +=
            "Generated from the rule descriptions in `Sources/LogCheckKit/Rules/` (`make rules-docs`); a test fails when this folder is out of date.\n\n"
        out +=
            "Ids are stable: LC0xx input, LC1xx deployment (PM2 × log4js), LC2xx log4js, LC3xx PM2, LC4xx logcheck's own settings.\n\n"
        out +=
            "The deployment rules (LC1xx) take an app and the log4js config it loads. logcheck links them from evidence in the project on disk: `LOG4JS_CONFIG` in the app's env, or the app's script, the modules it requires and their `log4js.configure(...)` calls; without evidence, the configs of the app's own package (proximity). Each finding's `linked:` note names the evidence, and naming any one file of a link gives the same finding as checking the whole repository ([README: how apps are linked to log4js configs](../README.md#how-apps-are-linked-to-log4js-configs)).\n\n"
        for family in RuleFamily.allCases {
            let rules = RuleRegistry.all.filter { $0.family == family }
            if rules.isEmpty { continue }
            out += "## \(family.title)\n\n| id | name | severity | fix | summary |\n|---|---|---|---|---|\n"
            for r in rules {
                out +=
                    "| [\(r.id)](\(r.id).md) | \(r.slug) | \(r.severity.label)\(r.defaultEnabled ? "" : " (opt-in)") | \(r.fix == .none ? "" : r.fix.rawValue) | \(r.summary.replacing("|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        out += ReferenceCoverage.markdown()
        return out
    }
}
