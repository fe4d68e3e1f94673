public import MEABridgeCore

extension DiagnosticID {
    /// A CBD document has no `header.schema`, or one this reader does not map.
    public static let cbdUnknownSchema: DiagnosticID = "cbd.schema-unknown"
    /// A CBD document of a national schema has no `government`.
    public static let cbdMissingGovernment: DiagnosticID = "cbd.government-missing"
    /// A CBD lstring is not an object of locale → string.
    public static let cbdInvalidLString: DiagnosticID = "cbd.lstring-invalid"
    /// A CBD Term or Reference is not an object with an `identifier`.
    public static let cbdInvalidReference: DiagnosticID = "cbd.reference-invalid"
    /// A value is not a CBD document (neither a stored record with `body` nor a document with `header`).
    public static let cbdNotADocument: DiagnosticID = "cbd.not-a-document"
}

/// Goal and target codes in the CBD thesaurus identifiers.
enum CBDGoals {
    /// The goal link of a thesaurus identifier: `GBF-TARGET-03` → GBF:3, `GBF-GOAL-A` → GBF:A,
    /// `AICHI-TARGET-01-C2` → AICHI:1 (the component kept in the URI), `SDG-GOAL-15`/`SDG-TARGET-15.1` → SDG.
    static func goal(_ identifier: String) -> GoalRef? {
        let upper = identifier.uppercased()
        let prefixes: [(String, GoalRef.Framework)] = [
            ("GBF-TARGET-", .gbf), ("KMGBF-TARGET-", .gbf), ("GBF-GOAL-", .gbf), ("KMGBF-GOAL-", .gbf),
            ("AICHI-TARGET-", .aichi), ("AICHI-GOAL-", .aichi), ("SDG-TARGET-", .sdg), ("SDG-GOAL-", .sdg),
        ]
        for (prefix, framework) in prefixes where upper.hasPrefix(prefix) {
            var code = Substring(upper.dropFirst(prefix.count))
            if let dash = code.firstIndex(of: "-") { code = code[..<dash] }
            // Leading zeros of numbers go: 03 → 3, 15.01 stays as 15.01 only past the dot.
            if let dot = code.firstIndex(of: ".") {
                let head = code[..<dot].drop { $0 == "0" }
                code = Substring(head + code[dot...])
            } else if code.allSatisfy(\.isNumber) {
                let trimmed = code.drop { $0 == "0" }
                code = trimmed.isEmpty ? "0" : trimmed
            }
            guard !code.isEmpty else { return nil }
            return GoalRef(framework: framework, code: String(code), uri: identifier)
        }
        return nil
    }
}
