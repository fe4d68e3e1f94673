// Language tags normalised against ISO 639 (see Generated/ISO639Table.swift, produced by
// Tools/generate-iso-tables.py from Debian's iso-codes package).

/// A language tag, normalised to the lower-case BCP-47 style InforMEA uses ("en", "fr", "zh-hans", "und").
///
/// Feeds send ISO 639-1 and 639-2 codes, full English names, `und`, `cn`/`zh`/`zh-hans` and region
/// variants (informea-model.md §2.4, §8 item 3). ``init(parsing:)`` never fails and never guesses:
/// an unknown value is kept (lower-cased) with ``isRecognized`` `false`, and `und` is never taken
/// for English.
///
/// Equality, hashing and ordering consider ``code`` only, so `"EN"`, `"eng"` and `"English"` are the
/// same key in a dictionary. It encodes as a single string (the ``code``) and decodes by parsing.
public struct LanguageCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The normalised, lower-case tag (`"en"`, `"zh-hans"`, `"pt-br"`, `"und"`).
    public let code: String
    /// The trimmed input when it differed from ``code`` (`"English"`, `"EN"`), else `nil`.
    public let original: String?
    /// Whether the primary subtag is an ISO 639 code (including `und`, `mul`, `zxx`), or the input was a
    /// known English language name.
    public let isRecognized: Bool

    /// Normalises a language value as found in a feed.
    ///
    /// Trims white space (including NBSP), lower-cases and turns `_` into `-`; maps ISO 639-2/T, 639-2/B
    /// and 639-3 codes to the 639-1 code when there is one (`eng` → `en`, `fre` → `fr`), English names
    /// to codes (`French`, `Spanish; Castilian`, `castilian`), the Chinese variants to `zh-hans`
    /// (`zh`, `zh-cn`, `zh-sg`, `cn`, `chi`, `zho`, `chinese`, `chinese, simplified`) or `zh-hant`
    /// (`zh-tw`, `zh-hk`, `chinese, traditional`), and keeps further subtags lower-cased (`en-GB` →
    /// `en-gb`). Unknown input is kept as lower-cased text, unrecognised.
    /// - Parameter raw: The text as received.
    public init(parsing raw: String) {
        let text = ISOCodeText.trimmed(raw)
        if text.isEmpty {
            self.init(code: "und", original: "", isRecognized: true)
            return
        }
        let (code, recognized) = ISOLanguages.normalize(text)
        self.init(code: code, original: text == code ? nil : text, isRecognized: recognized)
    }

    /// Creates a code from a literal, normalised like ``init(parsing:)``.
    /// - Parameter value: The literal text, for example `"fr"`.
    public init(stringLiteral value: String) {
        self.init(parsing: value)
    }

    private init(code: String, original: String?, isRecognized: Bool) {
        self.code = code
        self.original = original
        self.isRecognized = isRecognized
    }

    /// English, `en`.
    public static let english = LanguageCode(code: "en", original: nil, isRecognized: true)

    /// Undetermined, `und` (Drupal's "no language"; never treated as English).
    public static let undetermined = LanguageCode(code: "und", original: nil, isRecognized: true)

    /// The six UN languages in InforMEA's order: `en`, `fr`, `es`, `ru`, `ar`, `zh-hans`.
    public static let unLanguages: [LanguageCode] = ISOLanguages.unCodes.map {
        LanguageCode(code: $0, original: nil, isRecognized: true)
    }

    /// Whether this is English (`en` exactly; `en-gb` is not).
    /// - Returns: `true` for `en`.
    public var isEnglish: Bool { code == "en" }

    /// Whether this is `und` (undetermined).
    /// - Returns: `true` for `und`.
    public var isUndetermined: Bool { code == "und" }

    /// The English name of the language from ISO 639 (`"French"`, `"Spanish"`), or
    /// `"Chinese (Simplified)"` / `"Chinese (Traditional)"` for `zh-hans` / `zh-hant`.
    ///
    /// Region subtags are ignored (`en-gb` → `"English"`). Where iso-codes lists alternatives
    /// (`"Spanish; Castilian"`) the first is used. Codes known only to ISO 639-3 have no name here.
    /// - Returns: The name, or `nil` when the code is not in the ISO 639-2 table.
    public var englishName: String? {
        if code == "zh-hans" || code.hasPrefix("zh-hans-") { return "Chinese (Simplified)" }
        if code == "zh-hant" || code.hasPrefix("zh-hant-") { return "Chinese (Traditional)" }
        return ISOLanguages.row(primaryOf: code)?.displayName
    }

    /// The ISO 639-2 terminology (/T) code of the primary subtag (`"fra"` for `fr`, `"zho"` for
    /// `zh-hans`), for writers that need three letters.
    /// - Returns: The code, or `nil` when the primary subtag is not an ISO 639-2 language.
    public var iso639Alpha3: String? {
        guard let row = ISOLanguages.row(primaryOf: code), row.isPart2 else { return nil }
        return row.alpha3
    }

    /// The normalised code.
    /// - Returns: ``code``.
    public var description: String { code }

    /// Orders UN languages first (`en`, `fr`, `es`, `ru`, `ar`, `zh-hans`), then the others by code.
    /// - Parameters:
    ///   - lhs: A language.
    ///   - rhs: Another language.
    /// - Returns: `true` when `lhs` sorts before `rhs`.
    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool {
        let left = ISOLanguages.unRank[lhs.code] ?? Int.max
        let right = ISOLanguages.unRank[rhs.code] ?? Int.max
        if left != right { return left < right }
        return lhs.code < rhs.code
    }

    /// Compares the normalised codes.
    /// - Parameters:
    ///   - lhs: A language.
    ///   - rhs: Another language.
    /// - Returns: `true` when both have the same ``code``.
    public static func == (lhs: LanguageCode, rhs: LanguageCode) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the normalised code.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// Decodes a single string and parses it like ``init(parsing:)``.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(parsing: try container.decode(String.self))
    }

    /// Encodes the normalised ``code`` as a single string.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` when the encoder fails.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// The ISO 639 table parsed once, and the normalisation rules of `LanguageCode`.
enum ISOLanguages {
    /// One ISO 639 language.
    struct Row: Sendable {
        /// 639-2/T (or 639-3) code, lower-case.
        var alpha3: String
        /// 639-1 code, lower-case, if any.
        var alpha2: String?
        /// Whether the row comes from ISO 639-2 (else from 639-3).
        var isPart2: Bool
        /// iso-codes' English name, for example "Spanish; Castilian".
        var name: String

        /// The code `LanguageCode` uses: 639-1 when there is one, else the three-letter code.
        var canonical: String { alpha2 ?? alpha3 }

        /// The first of the `;`-separated alternative names.
        var displayName: String {
            guard let end = name.firstIndex(of: ";") else { return name }
            return String(name[..<end])
        }
    }

    struct Storage: Sendable {
        var rows: [Row] = []
        /// Packed upper-case 639-1, 639-2/T and 639-2/B codes → row.
        var byCode: [UInt32: Int] = [:]
        /// Packed upper-case ISO 639-3 codes not in `byCode`.
        var part3Only: Set<UInt32> = []
        /// Lower-case English name → canonical code.
        var names: [String: String] = [:]

        init() {
            for line in ISO639Table.languages.split(separator: "\n") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == 5 else { continue }
                let position = rows.count
                rows.append(
                    Row(
                        alpha3: cells[0],
                        alpha2: cells[2].isEmpty ? nil : cells[2],
                        isPart2: cells[3] == "2",
                        name: cells[4]
                    )
                )
                for code in [cells[0], cells[1], cells[2]] where !code.isEmpty {
                    if let key = ISOCodeText.packedLetters(code, length: 2...3) { byCode[key] = position }
                }
            }
            for code in ISO639Table.iso639_3Codes.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if let key = ISOCodeText.packedLetters(code, length: 3...3) { part3Only.insert(key) }
            }
            for line in ISO639Table.names.split(separator: "\n") {
                guard let bar = line.lastIndex(of: "|") else { continue }
                names[String(line[..<bar])] = String(line[line.index(after: bar)...])
            }
        }
    }

    static let storage = Storage()

    /// The UN languages in InforMEA's order.
    static let unCodes = ["en", "fr", "es", "ru", "ar", "zh-hans"]

    /// Position of each UN language in `unCodes`.
    static let unRank: [String: Int] = {
        var ranks: [String: Int] = [:]
        for (rank, code) in unCodes.enumerated() { ranks[code] = rank }
        return ranks
    }()

    /// Names for Chinese scripts that the ISO table does not carry (lower-case, single spaces).
    static let chineseNames: [String: String] = [
        "chinese, simplified": "zh-hans", "chinese (simplified)": "zh-hans",
        "chinese simplified": "zh-hans", "simplified chinese": "zh-hans",
        "chinese, traditional": "zh-hant", "chinese (traditional)": "zh-hant",
        "chinese traditional": "zh-hant", "traditional chinese": "zh-hant",
    ]

    /// The row of a normalised code's primary subtag.
    static func row(primaryOf code: String) -> Row? {
        let primary = code.utf8.firstIndex(of: UInt8(ascii: "-")).map { code[..<$0] } ?? code[...]
        guard let key = ISOCodeText.packedLetters(primary, length: 2...3),
            let position = storage.byCode[key]
        else { return nil }
        return storage.rows[position]
    }

    /// The canonical code for a primary subtag, or `nil` when it is not an ISO 639 code.
    static func primaryCode(_ subtag: some StringProtocol) -> String? {
        guard let key = ISOCodeText.packedLetters(subtag, length: 2...3) else { return nil }
        if let position = storage.byCode[key] { return storage.rows[position].canonical }
        if storage.part3Only.contains(key) { return subtag.lowercased() }
        if key == chineseCountryKey { return "zh" }  // a country code used for Chinese in feeds
        return nil
    }

    /// The packed key of `CN`.
    static let chineseCountryKey = ISOCodeText.pack("CN")

    /// `primary` followed by the rest of a tag (`""` or `"-gb"`, `"-hans-cn"`, already lower-cased),
    /// with empty subtags dropped and Chinese turned into `zh-hans` / `zh-hant`.
    static func assemble(_ primary: String, _ rest: Substring) -> String {
        let dash = UInt8(ascii: "-")
        var clean = true
        var previousWasDash = false
        for byte in rest.utf8 {
            if byte == dash && previousWasDash { clean = false }
            previousWasDash = byte == dash
        }
        if previousWasDash { clean = false }
        guard clean else {
            // Rare: "en--gb", "en-": rebuild without the empty subtags.
            let parts = rest.split(separator: "-")
            return assemble(primary, parts.isEmpty ? "" : Substring("-" + parts.joined(separator: "-")))
        }
        var code = primary
        if primary == "zh" {
            // The first subtag decides the script: none / cn / sg / my → hans, tw / hk / mo → hant.
            let afterDash = rest.utf8.dropFirst()
            let end = afterDash.firstIndex(of: dash) ?? rest.endIndex
            let first = rest[afterDash.startIndex..<end]
            switch first {
            case "": code = "zh-hans"
            case "cn", "sg", "my": code = "zh-hans"
            case "tw", "hk", "mo": code = "zh-hant"
            default: code.append(contentsOf: rest[..<end])
            }
            code.append(contentsOf: rest[end...])
            return code
        }
        code.append(contentsOf: rest)
        return code
    }

    /// Normalises trimmed, non-empty text: `(code, isRecognized)`.
    static func normalize(_ text: String) -> (String, Bool) {
        // Fast path: a bare two- or three-letter code (most values in real feeds).
        if let primary = primaryCode(text) {
            return (primary == "zh" ? "zh-hans" : primary, true)
        }
        // A tag: primary subtag, then region/script/... subtags kept lower-cased.
        let tag = ISOCodeText.asciiTag(text)
        if let tag {
            let dash = tag.utf8.firstIndex(of: UInt8(ascii: "-")) ?? tag.endIndex
            if let primary = primaryCode(tag[..<dash]) {
                return (assemble(primary, tag[dash...]), true)
            }
        }
        // An English name, compared lower-case with single spaces.
        let lower = tag ?? text.lowercased()
        let key =
            lower.contains(where: \.isWhitespace)
            ? lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            : lower
        if let code = chineseNames[key] { return (code, true) }
        if let code = storage.names[key] { return (assemble(code, ""), true) }
        return (tag ?? String(lower.map { $0 == "_" ? "-" : $0 }), false)
    }
}
