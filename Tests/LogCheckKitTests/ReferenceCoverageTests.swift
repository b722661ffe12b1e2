import LogCheckKit
import Testing

@Suite struct ReferenceCoverageTests {
    /// Every C, S and CP item of docs/evidence/log4js.md and every R item of docs/evidence/pm2.md is
    /// implemented by a named rule or listed in rules/README.md with the reason it cannot be
    /// decided statically.
    @Test func everyReferenceItemIsCovered() {
        #expect(ReferenceCoverage.uncovered() == [])
        #expect(ReferenceCoverage.allItems.count == 50 + 31 + 15 + 7 + 38)
    }

    /// A reason is given only for items no rule implements.
    @Test func reasonsAreOnlyForUnimplementedItems() {
        let implemented = Set(ReferenceCoverage.implementers().keys)
        #expect(implemented.intersection(ReferenceCoverage.notStatic.keys).sorted() == [])
        #expect(Set(ReferenceCoverage.notStatic.keys).isSubset(of: Set(ReferenceCoverage.allItems)))
    }
}
