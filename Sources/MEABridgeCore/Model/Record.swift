public import OrderedCollections

/// One canonical record of any entity type: what flows from readers through rules to writers.
public indirect enum Record: Sendable, Hashable, Codable {
    /// A meeting.
    case meeting(Meeting)
    /// A decision.
    case decision(Decision)
    /// A national focal point.
    case contact(Contact)
    /// A national report.
    case countryReport(CountryReport)
    /// A national plan.
    case nationalPlan(NationalPlan)
    /// A site.
    case site(Site)
    /// A treaty.
    case treaty(Treaty)
    /// A document.
    case document(Document)
    /// A party's status towards a treaty.
    case countryProfile(CountryProfile)
    /// A line of CITES trade data.
    case tradeRecord(TradeRecord)
    /// A species or other taxon with its listings.
    case taxon(Taxon)

    /// The record's entity value as the common protocol.
    public var entity: any CanonicalEntity {
        switch self {
        case .meeting(let value): value
        case .decision(let value): value
        case .contact(let value): value
        case .countryReport(let value): value
        case .nationalPlan(let value): value
        case .site(let value): value
        case .treaty(let value): value
        case .document(let value): value
        case .countryProfile(let value): value
        case .tradeRecord(let value): value
        case .taxon(let value): value
        }
    }

    /// Wraps any canonical entity.
    /// - Parameter entity: The entity value.
    public init(_ entity: some CanonicalEntity) {
        switch entity {
        case let value as Meeting: self = .meeting(value)
        case let value as Decision: self = .decision(value)
        case let value as Contact: self = .contact(value)
        case let value as CountryReport: self = .countryReport(value)
        case let value as NationalPlan: self = .nationalPlan(value)
        case let value as Site: self = .site(value)
        case let value as Treaty: self = .treaty(value)
        case let value as Document: self = .document(value)
        case let value as CountryProfile: self = .countryProfile(value)
        case let value as TradeRecord: self = .tradeRecord(value)
        case let value as Taxon: self = .taxon(value)
        default: preconditionFailure("unknown canonical entity type \(type(of: entity))")
        }
    }

    /// The entity type.
    public var kind: EntityKind {
        switch self {
        case .meeting: .meeting
        case .decision: .decision
        case .contact: .contact
        case .countryReport: .countryReport
        case .nationalPlan: .nationalPlan
        case .site: .site
        case .treaty: .treaty
        case .document: .document
        case .countryProfile: .countryProfile
        case .tradeRecord: .tradeRecord
        case .taxon: .taxon
        }
    }

    // The accessors below switch over the cases instead of going through `entity`, which would copy the whole
    // entity into an existential box on every access.

    /// The provider's id.
    public var id: String {
        switch self {
        case .meeting(let value): value.id
        case .decision(let value): value.id
        case .contact(let value): value.id
        case .countryReport(let value): value.id
        case .nationalPlan(let value): value.id
        case .site(let value): value.id
        case .treaty(let value): value.id
        case .document(let value): value.id
        case .countryProfile(let value): value.id
        case .tradeRecord(let value): value.id
        case .taxon(let value): value.id
        }
    }

    /// Where the record was read from.
    public var source: SourceLocation? {
        get {
            switch self {
            case .meeting(let value): value.source
            case .decision(let value): value.source
            case .contact(let value): value.source
            case .countryReport(let value): value.source
            case .nationalPlan(let value): value.source
            case .site(let value): value.source
            case .treaty(let value): value.source
            case .document(let value): value.source
            case .countryProfile(let value): value.source
            case .tradeRecord(let value): value.source
            case .taxon(let value): value.source
            }
        }
        set { modify { $0.source = newValue } }
    }

    /// Provider-specific properties.
    public var extras: Extras {
        get {
            switch self {
            case .meeting(let value): value.extras
            case .decision(let value): value.extras
            case .contact(let value): value.extras
            case .countryReport(let value): value.extras
            case .nationalPlan(let value): value.extras
            case .site(let value): value.extras
            case .treaty(let value): value.extras
            case .document(let value): value.extras
            case .countryProfile(let value): value.extras
            case .tradeRecord(let value): value.extras
            case .taxon(let value): value.extras
            }
        }
        set { modify { $0.extras = newValue } }
    }

    /// The date the provider says the record last changed, for the entities that have one (not treaties or trade
    /// records, whose value is always `nil` and ignores what is set).
    public var updated: DateValue? {
        get {
            switch self {
            case .meeting(let value): value.updated
            case .decision(let value): value.updated
            case .contact(let value): value.updated
            case .countryReport(let value): value.updated
            case .nationalPlan(let value): value.updated
            case .site(let value): value.updated
            case .document(let value): value.updated
            case .countryProfile(let value): value.updated
            case .taxon(let value): value.updated
            case .treaty, .tradeRecord: nil
            }
        }
        set {
            switch self {
            case .meeting(var value):
                value.updated = newValue
                self = .meeting(value)
            case .decision(var value):
                value.updated = newValue
                self = .decision(value)
            case .contact(var value):
                value.updated = newValue
                self = .contact(value)
            case .countryReport(var value):
                value.updated = newValue
                self = .countryReport(value)
            case .nationalPlan(var value):
                value.updated = newValue
                self = .nationalPlan(value)
            case .site(var value):
                value.updated = newValue
                self = .site(value)
            case .document(var value):
                value.updated = newValue
                self = .document(value)
            case .countryProfile(var value):
                value.updated = newValue
                self = .countryProfile(value)
            case .taxon(var value):
                value.updated = newValue
                self = .taxon(value)
            case .treaty, .tradeRecord: break
            }
        }
    }

    /// The record with its source location removed (to compare records read from different files).
    public func strippingSource() -> Record {
        var copy = self
        copy.source = nil
        return copy
    }

    private mutating func modify(_ change: (inout any CanonicalEntity) -> Void) {
        var value = entity
        change(&value)
        self = Record(value)
    }
}
