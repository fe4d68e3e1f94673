public import OrderedCollections

/// A species or other taxon concept with its listings under the conventions (CITES Species+, CMS); not an InforMEA
/// entity.
public struct Taxon: CanonicalEntity {
    /// `.taxon`.
    public static let kind = EntityKind.taxon
    /// The provider's taxon concept id (Species+ `id`).
    public var id: String
    /// The taxonomy the concept belongs to (`CITES`, `CMS`).
    public var taxonomy: String?
    /// The scientific name.
    public var name: String?
    /// The author and year (`(Blumenbach, 1797)`).
    public var author: String?
    /// The rank, upper case (`SPECIES`, `GENUS`).
    public var rank: String?
    /// The name status (`A` accepted, `S` synonym, …).
    public var nameStatus: String?
    /// Whether the concept is active.
    public var isActive: Bool?
    /// The kingdom.
    public var kingdom: String?
    /// The phylum.
    public var phylum: String?
    /// The class.
    public var taxonClass: String?
    /// The order.
    public var taxonOrder: String?
    /// The family.
    public var family: String?
    /// The current CITES listing as Species+ summarises it (`I/II`, `NC`).
    public var citesListing: String?
    /// Synonyms, by scientific name.
    public var synonyms: [String] = []
    /// Common names, several per language.
    public var commonNames: [CommonName] = []
    /// Listings, quotas, suspensions and EU decisions.
    public var listings: [TaxonListing] = []
    /// Countries and territories where the taxon occurs.
    public var distribution: [TaxonDistribution] = []
    /// Taxonomic references, as plain text.
    public var references: [String] = []
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// The spec's `protocolVersion` (unused by taxon sources).
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a taxon with an id; set the other fields after.
    /// - Parameter id: The provider's taxon concept id.
    public init(id: String) { self.id = id }
}

/// A common name of a taxon in one language.
public struct CommonName: Sendable, Hashable, Codable {
    /// The name.
    public var name: String
    /// The language.
    public var language: LanguageCode?

    /// Creates a common name.
    /// - Parameters:
    ///   - name: The name.
    ///   - language: The language.
    public init(name: String, language: LanguageCode?) {
        self.name = name
        self.language = language
    }
}

/// One regulatory measure on a taxon: a CITES or EU listing, a quota, a suspension or an EU decision.
public struct TaxonListing: Sendable, Hashable, Codable {
    /// What the measure is: `listing`, `quota`, `suspension` or `decision`.
    public var kind: String
    /// The regime: `cites` or `eu` (`cms` for CMS appendices).
    public var regime: String
    /// The provider's id of the measure.
    public var id: String?
    /// The appendix (`I`, `II`, `III`) or EU annex (`A`, `B`).
    public var appendix: String?
    /// The listing change type (`+` addition, `-` deletion, `R+` reservation).
    public var changeType: String?
    /// The party or country the measure concerns.
    public var country: CountryRef?
    /// When it took effect.
    public var effective: DateValue?
    /// Whether it is in force now.
    public var isCurrent: Bool?
    /// The annotation or notes, as plain text with line breaks normalised.
    public var notes: String?
    /// A quota's amount.
    public var quota: Double?
    /// A quota's unit.
    public var unit: String?
    /// An EU decision's type (`POSITIVE_OPINION`, `SUSPENSION`).
    public var decisionType: String?
    /// The notification, meeting or regulation the measure comes from.
    public var basis: String?
    /// A URL for the measure or its basis.
    public var url: String?

    /// Creates a measure; set the other fields after.
    /// - Parameters:
    ///   - kind: `listing`, `quota`, `suspension` or `decision`.
    ///   - regime: `cites`, `eu` or `cms`.
    public init(kind: String, regime: String) {
        self.kind = kind
        self.regime = regime
    }
}

/// A country or territory where a taxon occurs.
public struct TaxonDistribution: Sendable, Hashable, Codable {
    /// The country.
    public var country: CountryRef?
    /// The name the provider gives.
    public var name: String?
    /// Tags (`extinct`, `introduced`, `uncertain`).
    public var tags: [String]

    /// Creates a distribution entry.
    /// - Parameters:
    ///   - country: The country.
    ///   - name: The provider's name.
    ///   - tags: Tags.
    public init(country: CountryRef?, name: String?, tags: [String] = []) {
        self.country = country
        self.name = name
        self.tags = tags
    }
}
