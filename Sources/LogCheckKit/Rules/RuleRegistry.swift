import LogCheckSyntax

/// Every rule logcheck has, in id order.
public enum RuleRegistry {
    public static let inputRules: [any InputRule.Type] = [
        LC001InvalidEncoding.self, LC002YAMLSyntax.self, LC003JSONSyntax.self, LC004JavaScriptSyntax.self,
        LC005DuplicateKey.self, LC006MultipleDocuments.self, LC007NestingTooDeep.self, LC008AliasBomb.self,
        LC009FileTooLarge.self, LC010EmptyFile.self,
    ]

    public static let otherRules: [any Rule.Type] = [
        LC011UnrecognisedFile.self,
    ]

    public static let all: [RuleDescription] = {
        var list = inputRules.map { $0.description } + otherRules.map { $0.description }
        list.sort { $0.id < $1.id }
        return list
    }()

    static let byCode: [SyntaxCode: RuleDescription] = {
        var map: [SyntaxCode: RuleDescription] = [:]
        for rule in inputRules { for code in rule.codes { map[code] = rule.description } }
        return map
    }()

    public static func description(for code: SyntaxCode) -> RuleDescription {
        byCode[code]!
    }

    /// Looks a rule up by id (`LC102`) or slug (`instance-var-mismatch`), case-insensitively.
    public static func find(_ name: String) -> RuleDescription? {
        let key = name.lowercased()
        return all.first { $0.id.lowercased() == key || $0.slug == key }
    }
}
