/// The InforMEA entity types (informea-model.md §3), the CITES trade record and the taxon.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A meeting (entity set `Meetings`).
    case meeting
    /// A decision, resolution or recommendation (`Decisions`).
    case decision
    /// A national focal point (`Contacts`).
    case contact
    /// A national report (`CountryReports`).
    case countryReport
    /// A national plan such as an NBSAP or NIP (`NationalPlans`).
    case nationalPlan
    /// A Ramsar or World Heritage site (`Sites`).
    case site
    /// A treaty (`Treaties`).
    case treaty
    /// A document (`Documents`).
    case document
    /// A party's status towards a treaty (`CountryProfiles`).
    case countryProfile
    /// A line of CITES trade data (`TradeRecords`); not an InforMEA entity.
    case tradeRecord
    /// A species or other taxon with its listings (`Taxa`); not an InforMEA entity.
    case taxon

    /// The OData entity set name (`Meetings`).
    public var entitySet: String {
        switch self {
        case .meeting: "Meetings"
        case .decision: "Decisions"
        case .contact: "Contacts"
        case .countryReport: "CountryReports"
        case .nationalPlan: "NationalPlans"
        case .site: "Sites"
        case .treaty: "Treaties"
        case .document: "Documents"
        case .countryProfile: "CountryProfiles"
        case .tradeRecord: "TradeRecords"
        case .taxon: "Taxa"
        }
    }

    /// The OData entity type name (`Meeting`).
    public var typeName: String {
        switch self {
        case .meeting: "Meeting"
        case .decision: "Decision"
        case .contact: "Contact"
        case .countryReport: "CountryReport"
        case .nationalPlan: "NationalPlan"
        case .site: "Site"
        case .treaty: "Treaty"
        case .document: "Document"
        case .countryProfile: "CountryProfile"
        case .tradeRecord: "TradeRecord"
        case .taxon: "Taxon"
        }
    }

    /// The canonical name used in NDJSON's `entity` field (`meeting`, `countryReport`).
    public var description: String { rawValue }

    /// Parses an entity name: the canonical name, the type name or the entity set name, in any case, and the
    /// qualified OData type names seen in feeds (`Meetings.Meeting`, `informea.CountryReport`).
    /// - Parameter text: The name.
    public init?(parsing text: String) {
        var name = Substring(text.trimmingWhitespace())
        if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
        let lowered = name.lowercased()
        guard
            let kind = EntityKind.allCases.first(where: {
                $0.rawValue.lowercased() == lowered || $0.typeName.lowercased() == lowered
                    || $0.entitySet.lowercased() == lowered
            })
        else { return nil }
        self = kind
    }

    /// The entity a file is named after, as the InforMEA exports name them: `exports/Meetings.json` and
    /// `Decisions.atom.xml` give `meeting` and `decision`; `nil` when the name is not an entity's.
    /// - Parameter fileName: The file's path or name.
    public init?(fileName: String) {
        var stem = Substring(fileName)
        if let slash = stem.lastIndex(of: "/") { stem = stem[stem.index(after: slash)...] }
        if let dot = stem.firstIndex(of: ".") { stem = stem[..<dot] }
        self.init(parsing: String(stem))
    }
}
