import LogCheckSyntax

/// Which input a rule looks at.
public enum RuleFamily: String, Sendable, CaseIterable {
    /// LC0xx: reading the input (encoding, syntax, structure of the file itself).
    case input
    /// LC1xx: an app's PM2 settings together with the log4js config it loads.
    case deployment
    /// LC2xx: a log4js config.
    case log4js
    /// LC3xx: a PM2 ecosystem file.
    case pm2
    /// LC4xx: logcheck's own settings file and suppression comments.
    case settings

    public var title: String {
        switch self {
        case .input: return "Input"
        case .deployment: return "Deployment (PM2 × log4js)"
        case .log4js: return "log4js"
        case .pm2: return "PM2"
        case .settings: return "logcheck settings"
        }
    }
}

/// What `--fix` can do for a rule's findings.
public enum FixAvailability: String, Sendable {
    case none
    /// Some findings carry a safe fix.
    case safe
    /// Findings carry fixes that are only applied with `--unsafe-fixes`.
    case unsafe
    /// Some findings carry a safe fix, others an unsafe one.
    case mixed
}

/// One input file of an example. `«` and `»` mark where the rule's findings must point.
public struct ExampleFile: Sendable {
    public var name: String
    public var content: String

    public init(_ name: String, _ content: String) {
        self.name = name
        self.content = content
    }

    /// The content without markers.
    public var text: String { content.replacing("«", with: "").replacing("»", with: "") }
}

/// An example that documents a rule and is run as a test: the rule must report exactly
/// `messages` at the marked spans (none for a non-triggering example), and `--fix` must turn the
/// files into `fixed`.
public struct RuleExample: Sendable {
    public var files: [ExampleFile]
    public var messages: [String]
    /// File name → content after applying the fixes.
    public var fixed: [String: String]
    /// Apply unsafe fixes too when checking `fixed`.
    public var unsafeFixes: Bool
    /// Settings as `.logcheck.yml` text (for example `pm2-intercom: installed`).
    public var settings: String?
    /// One line shown above the example in the rule's page.
    public var caption: String?
    /// The severity of its findings, when it is not the rule's default (a rule that is an error
    /// only where the loss is real).
    public var severity: Severity?

    public init(
        files: [ExampleFile], messages: [String] = [], fixed: [String: String] = [:], unsafeFixes: Bool = false,
        settings: String? = nil, caption: String? = nil, severity: Severity? = nil
    ) {
        self.files = files
        self.severity = severity
        self.messages = messages
        self.fixed = fixed
        self.unsafeFixes = unsafeFixes
        self.settings = settings
        self.caption = caption
    }

    public var triggers: Bool { !messages.isEmpty }

    /// A one-file example that must trigger with these messages.
    public static func bad(
        _ name: String, _ content: String, _ messages: String..., fixed: String? = nil, unsafe: Bool = false,
        caption: String? = nil, severity: Severity? = nil
    ) -> RuleExample {
        RuleExample(
            files: [ExampleFile(name, content)], messages: messages, fixed: fixed.map { [name: $0] } ?? [:],
            unsafeFixes: unsafe, caption: caption, severity: severity)
    }

    /// A one-file example that must not trigger.
    public static func good(_ name: String, _ content: String, caption: String? = nil) -> RuleExample {
        RuleExample(files: [ExampleFile(name, content)], caption: caption)
    }
}

/// The declarative description of a rule: one source for its documentation page, `logcheck
/// explain`, SARIF `rules[]` and its tests (the examples). A class, so that a finding holds a
/// reference to its rule rather than a copy of its dozen strings.
public final class RuleDescription: Sendable {
    public let id: String
    public let slug: String
    public let family: RuleFamily
    public let severity: Severity
    public let summary: String
    /// Why it matters, with the evidence (upstream file:line, measured numbers). Markdown.
    public let rationale: String
    /// Reference items this rule implements (C12, S07, R4, CP1 …).
    public let references: [String]
    public let examples: [RuleExample]
    public let fix: FixAvailability
    /// Text shown under "Fix" on the rule's page: what the fix does, or how to fix by hand.
    public let fixDescription: String?
    /// Rules whose finding at the same place this rule's finding replaces (a more specific one).
    public let supersedes: [String]
    /// False for an opt-in rule: reported only when the settings name it in `select` (by id or
    /// slug, not by a prefix) or give it a severity (`Settings.reports`).
    public let defaultEnabled: Bool

    public init(
        id: String, slug: String, family: RuleFamily, severity: Severity, summary: String, rationale: String,
        references: [String] = [], examples: [RuleExample] = [], fix: FixAvailability = .none,
        fixDescription: String? = nil,
        supersedes: [String] = [], defaultEnabled: Bool = true
    ) {
        self.supersedes = supersedes
        self.defaultEnabled = defaultEnabled
        self.id = id
        self.slug = slug
        self.family = family
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.references = references
        self.examples = examples
        self.fix = fix
        self.fixDescription = fixDescription
    }
}
