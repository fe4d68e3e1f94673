/// A treaty's machine identifier (`cbd`, `cartagena`, `plant_treaty`, …), lower-case, aliases resolved.
///
/// Unknown identifiers are kept as received (lower-cased) so nothing is lost; `isKnown` tells them apart.
public struct TreatyID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The canonical identifier.
    public let rawValue: String

    /// Parses an identifier; `nil` for empty text.
    /// - Parameter text: The value as received.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty else { return nil }
        rawValue = Self.aliases[trimmed] ?? trimmed
    }

    /// Creates an identifier from a literal (aliases resolved).
    /// - Parameter value: The identifier.
    public init(stringLiteral value: String) {
        let lowered = value.lowercased()
        rawValue = Self.aliases[lowered] ?? lowered
    }

    /// Whether the identifier is one InforMEA uses (informea-model.md §2.2).
    public var isKnown: Bool { Self.known.contains(rawValue) }

    /// The identifier.
    public var description: String { rawValue }

    /// Orders alphabetically.
    public static func < (lhs: TreatyID, rhs: TreatyID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes from a string.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a non-empty string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = TreatyID(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty treaty identifier")
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

    /// Other spellings of known identifiers: the ECOLEX slug, the treaty's usual acronyms and UN codes.
    public static let aliases: [String: String] = [
        "plant-treaty": "plant_treaty", "itpgrfa": "plant_treaty", "plant treaty": "plant_treaty",
        "world heritage": "whc", "world-heritage": "whc", "cartagena protocol": "cartagena",
        "nagoya protocol": "nagoya", "xxvii8": "cbd", "xxvii8a": "cartagena", "xxvii8b": "nagoya",
    ]

    /// The identifiers seen in InforMEA feeds (informea-model.md §2.2).
    public static let known: Set<String> = [
        "cbd", "cartagena", "nagoya", "cites", "cms", "ramsar", "whc", "plant_treaty", "aewa", "eurobats",
        "ascobans", "accobams", "wadden-sea-seals", "acap", "gorilla", "siberian-crane", "slender-billed-curlew",
        "middle-european-great-bustard", "atlantic-turtles", "iosea-marine-turtles", "bukhara-deer",
        "aquatic-warbler", "west-african-elephants", "saiga-antelope", "pacific-inslands-cetaceans",
        "ruddy-headed-goose", "southern-south-american-grassland-birds", "monk-seal-atlantic", "dugong",
        "western-african-aquatic-mammals", "birds-of-prey", "high-andean-flamingos", "sharks",
        "south-andean-huemul", "central-asian-mammals", "sahelo-saharan-megafauna", "central-asian-flyway",
        "basel", "rotterdam", "stockholm", "montreal", "vienna", "ozone", "unfccc", "kyoto", "unccd", "bamako",
        "pollutantrelease", "barcelona", "unea", "unga", "gc", "minamata", "paris", "ippc", "iwc",
    ]
}
