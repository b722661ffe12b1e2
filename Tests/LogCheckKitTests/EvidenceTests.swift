import Foundation
import LogCheckKit
import Testing

/// The evidence behind every rule is readable inside the repository, in `docs/evidence/`: every
/// reference item a rule names has an anchor there, every `docs/evidence/<file>.md#<anchor>` a
/// rationale cites resolves, and no rationale points at reference files outside the repository.
@Suite struct EvidenceTests {
    static let dir = repositoryRoot + "/docs/evidence"
    static let files = ["README.md", "log4js.md", "pm2.md", "measured.md"]

    static func text(_ name: String) -> String {
        (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? ""
    }

    /// The lines of each evidence file.
    static let lines: [String: [String]] = {
        var map: [String: [String]] = [:]
        for name in files {
            map[name] = text(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return map
    }()

    /// The explicit anchors (`<a id="…"></a>` lines) of each evidence file.
    static let anchors: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        for (name, lines) in lines {
            map[name] = Set(lines.compactMap { anchor(in: $0) })
        }
        return map
    }()

    static func anchor(in line: String) -> String? {
        let open = "<a id=\""
        let close = "\"></a>"
        guard line.hasPrefix(open), line.hasSuffix(close), line.count > open.count + close.count else { return nil }
        return String(line.dropFirst(open.count).dropLast(close.count))
    }

    static let measuredRules = (1...7).map { "M\($0)" }

    /// Whether `docs/evidence/<file>` exists and, when given, has the anchor.
    static func resolves(file: String, anchor: String?) -> Bool {
        guard let found = anchors[file] else { return false }
        return anchor.map { found.contains($0) } ?? true
    }

    @Test func evidenceFilesExist() {
        for name in Self.files {
            #expect(!Self.text(name).isEmpty, "docs/evidence/\(name) is missing or empty")
        }
    }

    /// Every id in every rule's `references` has its anchor, in the file `RuleDocs.evidencePath` names.
    @Test func everyReferencedItemHasAnAnchor() {
        for r in RuleRegistry.all {
            for item in r.references {
                let path = RuleDocs.evidencePath(item)
                let parts = path.dropFirst("docs/evidence/".count).split(separator: "#", maxSplits: 1).map(String.init)
                #expect(
                    parts.count == 2 && Self.resolves(file: parts[0], anchor: parts[1]),
                    "\(r.id) references \(item), but \(path) has no anchor <a id=\"\(parts.last ?? "")\"></a>")
                let anywhere = Self.anchors.values.contains { $0.contains(item.replacing("'", with: "p")) }
                #expect(anywhere, "\(r.id) references \(item), which has no anchor in docs/evidence/*.md")
            }
        }
    }

    /// Every numbered item (the ones rules/README.md lists, and the measured rules) has an anchor
    /// right before a heading that starts with the id.
    @Test func everyItemHasAnAnchoredHeading() {
        for item in ReferenceCoverage.allItems + Self.measuredRules {
            let path = RuleDocs.evidencePath(item)
            let parts = path.dropFirst("docs/evidence/".count).split(separator: "#", maxSplits: 1).map(String.init)
            let lines = Self.lines[parts[0]] ?? []
            guard let k = lines.firstIndex(of: "<a id=\"\(parts[1])\"></a>") else {
                Issue.record("\(item) has no anchor in docs/evidence/\(parts[0])")
                continue
            }
            let heading = k + 1 < lines.count ? lines[k + 1] : ""
            #expect(
                heading.hasPrefix("### \(item) "),
                "the anchor of \(item) is not followed by a heading starting with \(item): \(heading)")
        }
    }

    /// Anchors are unique within each file.
    @Test func anchorsAreUnique() {
        for (name, lines) in Self.lines {
            var seen: Set<String> = []
            for a in lines.compactMap({ Self.anchor(in: $0) }) {
                #expect(!seen.contains(a), "docs/evidence/\(name) defines anchor \(a) twice")
                seen.insert(a)
            }
        }
    }

    /// Every `docs/evidence/<file>.md#<anchor>` (or bare `docs/evidence/<file>.md`) a rationale or
    /// fix description mentions resolves, and the rule page links each one.
    @Test func rationaleCitationsResolve() throws {
        let citation = try Regex(#"docs/evidence/([A-Za-z0-9_-]+\.md)(?:#([A-Za-z0-9_-]+))?"#)
        for r in RuleRegistry.all {
            for text in [r.rationale, r.fixDescription ?? ""] {
                for m in text.matches(of: citation) {
                    let file = m.output[1].substring.map(String.init) ?? ""
                    let anchor = m.output[2].substring.map(String.init)
                    #expect(
                        Self.resolves(file: file, anchor: anchor),
                        "\(r.id) cites \(text[m.range]), which does not resolve")
                }
            }
            let page = RuleDocs.page(r)
            for cited in RuleDocs.evidenceCitations(in: r.rationale) {
                #expect(page.contains("[\(cited)]: ../\(cited)\n"), "\(r.id)'s page does not link \(cited)")
            }
        }
    }

    /// Rationales cite the evidence in the repository, not reference files elsewhere.
    @Test func rationalesCiteNothingOutsideTheRepository() {
        for r in RuleRegistry.all {
            for text in [r.summary, r.rationale, r.fixDescription ?? ""] {
                #expect(!text.contains("reference/"), "\(r.id) mentions a reference/ path outside the repository")
                #expect(!text.contains("/work/"), "\(r.id) mentions an absolute path outside the repository")
                #expect(!text.contains("reference §"), "\(r.id) cites a section of a reference outside the repository")
                #expect(
                    !text.contains("measured.md rule"),
                    "\(r.id) cites a measured rule without its anchor (docs/evidence/measured.md#M<n>)")
                for name in ["log4js.md", "pm2.md", "measured.md"] {
                    let all = text.ranges(of: name).count
                    let inRepo = text.ranges(of: "docs/evidence/" + name).count
                    #expect(all == inRepo, "\(r.id) mentions \(name) without its path docs/evidence/\(name)")
                }
            }
        }
    }

    /// The links the generated pages (rules/*.md, `logcheck explain`) make into docs/evidence resolve.
    @Test func generatedLinksResolve() throws {
        let link = try Regex(#"\.\./docs/evidence/([A-Za-z0-9_-]+\.md)(?:#([A-Za-z0-9_-]+))?"#)
        var pages = [("rules/README.md", RuleDocs.index())]
        for r in RuleRegistry.all { pages.append(("rules/\(r.id).md", RuleDocs.page(r))) }
        for (name, page) in pages {
            for m in page.matches(of: link) {
                let file = m.output[1].substring.map(String.init) ?? ""
                let anchor = m.output[2].substring.map(String.init)
                #expect(
                    Self.resolves(file: file, anchor: anchor), "\(name) links \(page[m.range]), which does not resolve")
            }
        }
        // Every item of the coverage table links its evidence.
        let index = RuleDocs.index()
        for item in ReferenceCoverage.allItems {
            #expect(
                index.contains("| [\(item)](../\(RuleDocs.evidencePath(item))) |"),
                "rules/README.md does not link \(item)")
        }
    }

    /// The relative links inside docs/evidence (to each other, to their anchors and to rules/) resolve.
    @Test func evidenceLinksResolve() throws {
        let link = try Regex(#"\]\(([^)\s]+)\)"#)
        let code = try Regex(#"`[^`\n]*`"#)
        for name in Self.files {
            let text = Self.text(name).replacing(code, with: "")
            for m in text.matches(of: link) {
                let target = m.output[1].substring.map(String.init) ?? ""
                if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
                    String.init)
                let path = parts[0].isEmpty ? name : parts[0]
                let anchor = parts.count > 1 ? parts[1] : nil
                let full = URL(fileURLWithPath: Self.dir + "/" + path).standardized.path
                #expect(
                    FileManager.default.fileExists(atPath: full),
                    "docs/evidence/\(name) links \(target), which does not exist")
                if Self.anchors[path] != nil, let anchor {
                    #expect(
                        Self.resolves(file: path, anchor: anchor),
                        "docs/evidence/\(name) links \(target), which has no such anchor")
                }
            }
        }
    }
}
