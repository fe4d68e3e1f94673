/// A controlled vocabulary that stays open: known values are cases, anything else is kept as `other`.
///
/// Parsing is case-insensitive and ignores surrounding space, so `Public`, `public ` and `PUBLIC` are one value.
/// Known values come from informea-model.md §2.7; a validator can warn about `other` values.
public protocol OpenVocabulary: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every known case, in a stable order.
    static var knownCases: [Self] { get }
    /// Extra spellings that map to a known case (lower-case alias → case), such as misspellings seen in feeds.
    static var aliases: [String: Self] { get }
    /// Wraps a value that is not a known case.
    /// - Parameter value: The value as received (trimmed).
    /// - Returns: The `other` case holding `value`.
    static func other(_ value: String) -> Self
    /// The canonical text of the value (lower-case for known cases; as received for `other`).
    var rawValue: String { get }
}

extension OpenVocabulary {
    /// No aliases by default.
    public static var aliases: [String: Self] { [:] }

    /// Parses a value case-insensitively; `nil` for empty text.
    /// - Parameter text: The value as received.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let lowered = trimmed.lowercased()
        if let known = Self.knownCases.first(where: { $0.rawValue == lowered }) {
            self = known
        } else if let alias = Self.aliases[lowered] {
            self = alias
        } else {
            self = Self.other(trimmed)
        }
    }

    /// Whether the value is one of the known cases.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// The canonical text.
    public var description: String { rawValue }

    /// Decodes from a string.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a non-empty string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty vocabulary value")
        }
        self = value
    }

    /// Encodes as a string.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` when the value cannot be written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Meeting `kind`.
public enum MeetingKind: OpenVocabulary {
    /// An official meeting of the treaty.
    case official
    /// A partner's meeting.
    case partner
    /// A meeting of interest.
    case interest
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [MeetingKind] = [.official, .partner, .interest]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .official: "official"
        case .partner: "partner"
        case .interest: "interest"
        case .other(let value): value
        }
    }
}

/// Meeting `type` (the legacy enum plus `mop`; providers send `COP`, `MOP`, …).
public enum MeetingType: OpenVocabulary {
    /// Conference of the Parties.
    case cop
    /// Meeting of the Parties.
    case mop
    /// Subsidiary body.
    case subsidiary
    /// Expert meeting.
    case expert
    /// Working group.
    case working
    /// Symposium.
    case symposia
    /// Conference.
    case conference
    /// Workshop.
    case workshop
    /// Informal meeting.
    case informal
    /// Standing committee.
    case scc
    /// Scientific/technical committee.
    case stc
    /// Technical meeting.
    case technicalMeeting
    /// Negotiation meeting.
    case negotiationMeeting
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [MeetingType] = [
        .cop, .mop, .subsidiary, .expert, .working, .symposia, .conference, .workshop, .informal, .scc, .stc,
        .technicalMeeting, .negotiationMeeting,
    ]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .cop: "cop"
        case .mop: "mop"
        case .subsidiary: "subsidiary"
        case .expert: "expert"
        case .working: "working"
        case .symposia: "symposia"
        case .conference: "conference"
        case .workshop: "workshop"
        case .informal: "informal"
        case .scc: "scc"
        case .stc: "stc"
        case .technicalMeeting: "technical meeting"
        case .negotiationMeeting: "negotiation meeting"
        case .other(let value): value
        }
    }
}

/// Meeting `access`.
public enum MeetingAccess: OpenVocabulary {
    /// Open to the public.
    case `public`
    /// By invitation only.
    case invitation
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [MeetingAccess] = [.public, .invitation]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .public: "public"
        case .invitation: "invitation"
        case .other(let value): value
        }
    }
}

/// Meeting `status` (legacy values plus the D9 additions).
public enum MeetingStatus: OpenVocabulary {
    /// Tentative.
    case tentative
    /// Confirmed.
    case confirmed
    /// Postponed.
    case postponed
    /// Cancelled.
    case cancelled
    /// No date set.
    case nodate
    /// Over.
    case over
    /// Approved (D9).
    case approved
    /// Concluded (D9).
    case concluded
    /// Upcoming (D9).
    case upcoming
    /// Pending (D9).
    case pending
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [MeetingStatus] = [
        .tentative, .confirmed, .postponed, .cancelled, .nodate, .over, .approved, .concluded, .upcoming, .pending,
    ]

    /// Spellings seen in feeds.
    public static let aliases: [String: MeetingStatus] = ["canceled": .cancelled, "no date": .nodate]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .tentative: "tentative"
        case .confirmed: "confirmed"
        case .postponed: "postponed"
        case .cancelled: "cancelled"
        case .nodate: "nodate"
        case .over: "over"
        case .approved: "approved"
        case .concluded: "concluded"
        case .upcoming: "upcoming"
        case .pending: "pending"
        case .other(let value): value
        }
    }
}

/// Meeting `repetition` (absent for a one-off meeting).
public enum MeetingRepetition: OpenVocabulary {
    /// Every week.
    case weekly
    /// Every month.
    case monthly
    /// Every year.
    case yearly
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [MeetingRepetition] = [.weekly, .monthly, .yearly]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .yearly: "yearly"
        case .other(let value): value
        }
    }
}

/// Decision `type`.
public enum DecisionType: OpenVocabulary {
    /// A decision.
    case decision
    /// A resolution.
    case resolution
    /// A recommendation.
    case recommendation
    /// Legislation (legacy).
    case legislation
    /// A case (legacy).
    case `case`
    /// An official document (D9).
    case officialDocument
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [DecisionType] = [
        .decision, .resolution, .recommendation, .legislation, .case, .officialDocument,
    ]

    /// Spellings seen in feeds.
    public static let aliases: [String: DecisionType] = ["official document": .officialDocument]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .decision: "decision"
        case .resolution: "resolution"
        case .recommendation: "recommendation"
        case .legislation: "legislation"
        case .case: "case"
        case .officialDocument: "official_document"
        case .other(let value): value
        }
    }
}

/// Decision `status` (CMS sends `Adopted`; parsing is case-insensitive).
public enum DecisionStatus: OpenVocabulary {
    /// Draft.
    case draft
    /// Active.
    case active
    /// Amended.
    case amended
    /// Retired.
    case retired
    /// Revised.
    case revised
    /// Adopted.
    case adopted
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [DecisionStatus] = [.draft, .active, .amended, .retired, .revised, .adopted]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .draft: "draft"
        case .active: "active"
        case .amended: "amended"
        case .retired: "retired"
        case .revised: "revised"
        case .adopted: "adopted"
        case .other(let value): value
        }
    }
}

/// National plan `type`.
public enum NationalPlanType: OpenVocabulary {
    /// Nationally appropriate mitigation action.
    case nama
    /// National action programme.
    case nap
    /// National adaptation programme of action.
    case napa
    /// National biodiversity strategy and action plan.
    case nbsap
    /// National implementation plan (Stockholm).
    case nip
    /// National work programme.
    case nwp
    /// Communication, education and public awareness.
    case cepa
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [NationalPlanType] = [.nama, .nap, .napa, .nbsap, .nip, .nwp, .cepa]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .nama: "nama"
        case .nap: "nap"
        case .napa: "napa"
        case .nbsap: "nbsap"
        case .nip: "nip"
        case .nwp: "nwp"
        case .cepa: "cepa"
        case .other(let value): value
        }
    }
}

/// A party's status towards a treaty (`CountryProfile.entryIntoForceStatus`, endorsement `dateQualifier`).
public enum PartyStatus: OpenVocabulary {
    /// Signature.
    case signature
    /// Ratification.
    case ratification
    /// Acceptance.
    case acceptance
    /// Approval.
    case approval
    /// Accession.
    case accession
    /// Succession.
    case succession
    /// Entry into force.
    case entryIntoForce
    /// Continuation.
    case continuation
    /// Party.
    case party
    /// Signatory.
    case signatory
    /// Signed, not ratified.
    case signedNotRatified
    /// Unknown.
    case unknown
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [PartyStatus] = [
        .signature, .ratification, .acceptance, .approval, .accession, .succession, .entryIntoForce, .continuation,
        .party, .signatory, .signedNotRatified, .unknown,
    ]

    /// The legacy misspellings and other forms seen in the sources.
    public static let aliases: [String: PartyStatus] = [
        "succesion": .succession, "accesion": .accession, "entryintoforce": .entryIntoForce,
        "entry into force": .entryIntoForce, "signed_not_ratified": .signedNotRatified,
    ]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .signature: "signature"
        case .ratification: "ratification"
        case .acceptance: "acceptance"
        case .approval: "approval"
        case .accession: "accession"
        case .succession: "succession"
        case .entryIntoForce: "entry_into_force"
        case .continuation: "continuation"
        case .party: "party"
        case .signatory: "signatory"
        case .signedNotRatified: "signed_not_ratified"
        case .unknown: "unknown"
        case .other(let value): value
        }
    }
}

/// A document author's `type`.
public enum AuthorType: OpenVocabulary {
    /// A person.
    case person
    /// A company or organisation.
    case company
    /// Any other value, as received.
    case other(String)

    /// The known cases.
    public static let knownCases: [AuthorType] = [.person, .company]

    /// The canonical text.
    public var rawValue: String {
        switch self {
        case .person: "person"
        case .company: "company"
        case .other(let value): value
        }
    }
}
