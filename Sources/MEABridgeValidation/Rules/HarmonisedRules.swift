public import MEABridgeCore

extension DiagnosticID {
    /// A record has no title (or name) in any language.
    public static let titleMissing: DiagnosticID = "rule.title-missing"
    /// A record has a title, but not in English.
    public static let titleNotEnglish: DiagnosticID = "rule.title-english"
    /// A record lacks its treaty identifier.
    public static let treatyMissing: DiagnosticID = "rule.treaty-missing"
    /// A treaty identifier is not one InforMEA knows.
    public static let treatyUnknown: DiagnosticID = "rule.treaty-unknown"
    /// A record lacks a country the spec requires.
    public static let countryMissing: DiagnosticID = "rule.country-missing"
    /// Two records of the same entity share an id.
    public static let duplicateID: DiagnosticID = "rule.duplicate-id"
}

/// The harmonised rules checked on every canonical record before it is written (informea-model.md §3, §9).
///
/// This first set covers what the InforMEA harvester rejects or warns about: a title in English, the treaty, the
/// country where the spec requires one, and ids unique within a run. The full configurable rule set
/// (`meabridge explain`, `--rules`) builds on this.
public struct HarmonisedRules: Sendable {
    private var seen: [EntityKind: Set<String>] = [:]

    /// Creates the rule set with an empty batch state.
    public init() {}

    /// Checks one record, reporting every problem found.
    /// - Parameters:
    ///   - record: The record.
    ///   - report: Receives the diagnostics.
    public mutating func check(_ record: Record, report: (Diagnostic) -> Void) {
        let location = record.source
        func problem(_ id: DiagnosticID, _ severity: Severity, _ message: String, field: String? = nil) {
            var at = location
            if let field, let path = at?.path { at?.path = path == "/" ? "/" + field : path + "/" + field }
            report(Diagnostic(id: id, severity: severity, message: message, location: at))
        }
        let name = "\(record.kind.typeName) '\(record.id)'"

        if seen[record.kind, default: []].insert(record.id).inserted == false {
            problem(.duplicateID, .error, "\(name) appears more than once in this input; ids must be unique")
        }

        if let (field, text) = Self.title(of: record) {
            if text.isEmpty {
                problem(.titleMissing, .error, "\(name) has no \(field) in any language; InforMEA requires one")
            } else if text.english == nil, let fallback = text.preferred {
                problem(
                    .titleNotEnglish,
                    .warning,
                    "\(name) has no English \(field); '\(fallback.language.code)' will be used as the fallback",
                    field: field
                )
            }
        }

        if let treaty = Self.treaty(of: record) {
            if let treaty {
                if !treaty.isKnown {
                    problem(
                        .treatyUnknown,
                        .warning,
                        "treaty '\(treaty)' is not an InforMEA treaty identifier",
                        field: "treaty"
                    )
                }
            } else {
                problem(.treatyMissing, .error, "\(name) has no treaty identifier")
            }
        }

        if let country = Self.requiredCountry(of: record), country == nil {
            problem(.countryMissing, .warning, "\(name) has no country; the InforMEA spec requires one")
        }
    }

    private static func title(of record: Record) -> (String, LocalizedText)? {
        switch record {
        case .meeting(let m): ("title", m.title)
        case .decision(let d): ("title", d.title)
        case .countryReport(let r): ("title", r.title)
        case .nationalPlan(let p): ("title", p.title)
        case .document(let d): ("title", d.title)
        case .site(let s): ("name", s.name)
        case .contact, .treaty, .countryProfile: nil
        }
    }

    /// `.some(treaty)` for entities that require a treaty, `nil` for those that do not.
    private static func treaty(of record: Record) -> TreatyID?? {
        switch record {
        case .meeting(let m): .some(m.treaty)
        case .decision(let d): .some(d.treaty)
        case .countryReport(let r): .some(r.treaty)
        case .nationalPlan(let p): .some(p.treaty)
        case .site(let s): .some(s.treaty ?? s.type)
        case .countryProfile(let p): .some(p.treaty)
        case .contact(let c): .some(c.treaties.first)
        case .treaty, .document: nil
        }
    }

    /// `.some(country)` for entities whose country the spec requires, `nil` for the others.
    private static func requiredCountry(of record: Record) -> CountryRef?? {
        switch record {
        case .meeting(let m): .some(m.country)
        case .contact(let c): .some(c.country)
        case .countryReport(let r): .some(r.country)
        case .nationalPlan(let p): .some(p.country)
        case .site(let s): .some(s.country)
        case .countryProfile(let p): .some(p.country)
        case .decision, .treaty, .document: nil
        }
    }
}
