// Country references resolved against ISO 3166-1 (see Generated/ISO3166Table.swift, produced by
// Tools/generate-iso-tables.py from Debian's iso-codes package).

/// A country as received, resolved to ISO 3166-1 alpha-2 when possible.
///
/// Feeds send alpha-2 or alpha-3 codes in either case, ISO numeric codes, the EU/UK aliases `UK`
/// and `EL`, empty strings and junk (informea-model.md §2.3, §8 item 2). ``init(parsing:)`` resolves
/// what it can and always keeps the received text in ``original`` so nothing is lost.
///
/// Equality and hashing identify the *country*: two resolved references are equal when their
/// ``alpha2`` codes are (so `"HUN"` equals `"hu"`); unresolved references are equal when their
/// ``original`` texts are. A resolved reference never equals an unresolved one.
public struct CountryRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical upper-case ISO 3166-1 alpha-2 code, or `nil` when the input was not resolved.
    public let alpha2: String?
    /// The value as received, with surrounding whitespace (including NBSP) removed.
    public let original: String

    /// Resolves a country code as found in a feed.
    ///
    /// Accepted, in any case: ISO 3166-1 alpha-2 (`HU`, `ec`), alpha-3 (`SEN`), numeric (`840`,
    /// `36` is read as `036`) and the exceptionally reserved aliases `UK` → `GB` and `EL` → `GR`.
    /// Anything else — former ISO 3166-3 codes (`YU`), names, `-` — is kept unresolved.
    /// Fails (`nil`) only when `raw` is empty or whitespace only.
    /// - Parameter raw: The text as received.
    public init?(parsing raw: String) {
        let text = ISOCodeText.trimmed(raw)
        if text.isEmpty { return nil }
        self.original = text
        self.alpha2 = ISOCountries.resolve(text).map { ISOCountries.storage.entries[$0].alpha2 }
    }

    /// Creates a reference from a code believed to be ISO 3166-1 alpha-2.
    ///
    /// There is no precondition: a code that is not in the table (compared case-insensitively)
    /// gives an unresolved reference whose ``original`` is the given text.
    /// - Parameter alpha2: An ISO 3166-1 alpha-2 code such as `"FR"`.
    public init(alpha2: String) {
        let text = ISOCodeText.trimmed(alpha2)
        self.original = text
        self.alpha2 = ISOCountries.index(alpha2: text).map { ISOCountries.storage.entries[$0].alpha2 }
    }

    /// Whether the input was resolved to an ISO 3166-1 country.
    /// - Returns: `true` when ``alpha2`` is not `nil`.
    public var isResolved: Bool { alpha2 != nil }

    /// The ISO 3166-1 alpha-3 code (`"HUN"`).
    /// - Returns: The code, or `nil` when unresolved.
    public var alpha3: String? { entry?.alpha3 }

    /// The ISO 3166-1 numeric code as three digits (`"348"`).
    /// - Returns: The code, or `nil` when unresolved.
    public var numeric: String? { entry?.numeric }

    /// The English short name from iso-codes (`"Hungary"`, `"Bolivia, Plurinational State of"`).
    /// - Returns: The name, or `nil` when unresolved.
    public var name: String? { entry?.name }

    /// The alpha-2 code when resolved, else the original text.
    /// - Returns: A short, stable textual form.
    public var description: String { alpha2 ?? original }

    private var entry: ISOCountries.Entry? {
        guard let alpha2 else { return nil }
        return ISOCountries.byAlpha2(alpha2)
    }

    /// Compares two references by country (see the type's discussion).
    /// - Parameters:
    ///   - lhs: A reference.
    ///   - rhs: Another reference.
    /// - Returns: `true` when both denote the same country, or are unresolved with the same text.
    public static func == (lhs: CountryRef, rhs: CountryRef) -> Bool {
        switch (lhs.alpha2, rhs.alpha2) {
        case (let left?, let right?): left == right
        case (nil, nil): lhs.original == rhs.original
        default: false
        }
    }

    /// Hashes the identity used by `==`.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        if let alpha2 {
            hasher.combine(true)
            hasher.combine(alpha2)
        } else {
            hasher.combine(false)
            hasher.combine(original)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case alpha2
        case original
    }

    /// Decodes `{"alpha2": "HU", "original": "hun"}` (`alpha2` optional); the code is re-checked
    /// against the table and the original re-parsed when the stored code is missing or unknown.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when `original` is missing, or empty without a known `alpha2`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let original = try container.decode(String.self, forKey: .original)
        let stored = try container.decodeIfPresent(String.self, forKey: .alpha2)
        if let stored, let index = ISOCountries.index(alpha2: stored) {
            self.alpha2 = ISOCountries.storage.entries[index].alpha2
            self.original = ISOCodeText.trimmed(original)
        } else if let parsed = CountryRef(parsing: original) {
            self = parsed
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .original,
                in: container,
                debugDescription: "empty country without alpha2"
            )
        }
    }

    /// Encodes `{"alpha2": "HU", "original": "hun"}`; `alpha2` is left out when unresolved.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` when the encoder fails.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(alpha2, forKey: .alpha2)
        try container.encode(original, forKey: .original)
    }
}

/// Lookups over the ISO 3166-1 and ISO 3166-3 tables generated from Debian's iso-codes package.
///
/// The tables are parsed once, on first use, into dictionaries; every lookup is a hash-table probe
/// on a packed integer key (no string allocation), so it is cheap enough to run for every record.
public enum ISOCountries {
    /// One ISO 3166-1 country: upper-case codes, three-digit numeric code, English short name.
    public typealias Entry = (alpha2: String, alpha3: String, numeric: String, name: String)

    /// One ISO 3166-3 former country: its alpha-4 code (`"YUCS"`), name and withdrawal date.
    public typealias FormerEntry = (code: String, name: String, withdrawn: String?)

    /// Looks a country up by its ISO 3166-1 alpha-2 code.
    /// - Parameter code: An alpha-2 code in any case (`"hu"`); surrounding whitespace is ignored.
    /// - Returns: The country, or `nil` when the code is not a current ISO 3166-1 alpha-2 code.
    public static func byAlpha2(_ code: String) -> Entry? {
        index(alpha2: ISOCodeText.trimmed(code)).map { storage.entries[$0] }
    }

    /// Looks a country up by its ISO 3166-1 alpha-3 code.
    /// - Parameter code: An alpha-3 code in any case (`"sen"`); surrounding whitespace is ignored.
    /// - Returns: The country, or `nil` when the code is not a current ISO 3166-1 alpha-3 code.
    public static func byAlpha3(_ code: String) -> Entry? {
        guard let key = ISOCodeText.packedLetters(ISOCodeText.trimmed(code), length: 3...3) else { return nil }
        return storage.byAlpha3[key].map { storage.entries[$0] }
    }

    /// Looks a country up by its ISO 3166-1 numeric code.
    /// - Parameter code: One to three ASCII digits (`"840"`, `"36"` for `036`).
    /// - Returns: The country, or `nil` when the code is not a current ISO 3166-1 numeric code.
    public static func byNumeric(_ code: String) -> Entry? {
        guard let key = ISOCodeText.packedDigits(ISOCodeText.trimmed(code)) else { return nil }
        return storage.byNumeric[key].map { storage.entries[$0] }
    }

    /// Every ISO 3166-1 country, sorted by alpha-2 code.
    /// - Returns: The 249 (for iso-codes 4.15) current countries.
    public static var all: [Entry] { storage.entries }

    /// Looks a code up among the ISO 3166-3 former countries (`YU`, `AN`, `CS`, `ZR`, `YUCS`, …).
    ///
    /// Only the former-country table is searched, so codes that were withdrawn and later reassigned
    /// (`AI`, `BQ`, `BY`, `GE`, `SK`; alpha-3 `ATF`) return the *former* country. When a former
    /// alpha-2 code was used twice (`CS`: Czechoslovakia, then Serbia and Montenegro) the most
    /// recently withdrawn entry is returned; the alpha-4 code is always unique (`CSHH`, `CSXX`).
    /// - Parameter code: A former alpha-2, alpha-3 or alpha-4 code, in any case.
    /// - Returns: The alpha-4 code, English name and withdrawal date (`"1977"` or `"2003-07-23"`),
    ///   or `nil` when `code` is not a former code.
    public static func former(_ code: String) -> FormerEntry? {
        guard let key = ISOCodeText.packedLetters(ISOCodeText.trimmed(code), length: 2...4) else { return nil }
        return storage.formerIndex[key].map { storage.former[$0] }
    }

    // MARK: Internals

    /// The parsed tables and their indexes, built once.
    struct Storage: Sendable {
        var entries: [Entry] = []
        var byAlpha2: [UInt32: Int] = [:]
        var byAlpha3: [UInt32: Int] = [:]
        var byNumeric: [UInt32: Int] = [:]
        var former: [FormerEntry] = []
        var formerIndex: [UInt32: Int] = [:]
        /// Withdrawal date of the entry each former key currently points at (to keep the latest).
        var formerDates: [UInt32: String] = [:]

        init() {
            for line in ISO3166Table.countries.split(separator: "\n") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == 4 else { continue }
                let position = entries.count
                entries.append((alpha2: cells[0], alpha3: cells[1], numeric: cells[2], name: cells[3]))
                if let key = ISOCodeText.packedLetters(cells[0], length: 2...2) { byAlpha2[key] = position }
                if let key = ISOCodeText.packedLetters(cells[1], length: 3...3) { byAlpha3[key] = position }
                if let key = ISOCodeText.packedDigits(cells[2]) { byNumeric[key] = position }
            }
            for line in ISO3166Table.formerCountries.split(separator: "\n") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == 6 else { continue }
                let position = former.count
                let withdrawn = cells[4].isEmpty ? nil : cells[4]
                former.append((code: cells[0], name: cells[5], withdrawn: withdrawn))
                for code in cells[0...2] where !code.isEmpty {
                    guard let key = ISOCodeText.packedLetters(code, length: 2...4) else { continue }
                    if let previous = formerDates[key], previous > (withdrawn ?? "") { continue }
                    formerIndex[key] = position
                    formerDates[key] = withdrawn ?? ""
                }
            }
        }
    }

    static let storage = Storage()

    /// Packed keys of the exceptionally reserved aliases and the alpha-2 code they stand for.
    private static let aliases: [UInt32: UInt32] = [
        ISOCodeText.pack("UK"): ISOCodeText.pack("GB"),
        ISOCodeText.pack("EL"): ISOCodeText.pack("GR"),
    ]

    /// The table position of an alpha-2 code (any case, no aliases).
    static func index(alpha2 code: String) -> Int? {
        guard let key = ISOCodeText.packedLetters(code, length: 2...2) else { return nil }
        return storage.byAlpha2[key]
    }

    /// The table position for already-trimmed feed text: alpha-2 (with aliases), alpha-3, numeric.
    static func resolve(_ text: String) -> Int? {
        if let key = ISOCodeText.packedLetters(text, length: 2...3) {
            if key & 0xFF00 == 0 {  // two letters
                return storage.byAlpha2[aliases[key] ?? key]
            }
            return storage.byAlpha3[key]
        }
        if let key = ISOCodeText.packedDigits(text) {
            return storage.byNumeric[key]
        }
        return nil
    }
}

/// Text helpers shared by the ISO code types (`CountryRef`, `LanguageCode`).
enum ISOCodeText {
    /// Whether a scalar is removed at either end: Unicode white space (including NBSP U+00A0),
    /// control characters, ZERO WIDTH SPACE and the byte-order mark.
    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// `text` without leading and trailing trimmable scalars (see ``isTrimmable(_:)``).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        // Fast path: printable ASCII at both ends needs no work (the common case).
        guard let first = utf8.first, let last = utf8.last,
            !((0x21...0x7E).contains(first) && (0x21...0x7E).contains(last))
        else { return text }
        // ASCII white space and controls at the ends, without decoding scalars.
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] <= 0x20 || utf8[start] == 0x7F { utf8.formIndex(after: &start) }
        while start < end {
            let before = utf8.index(before: end)
            guard utf8[before] <= 0x20 || utf8[before] == 0x7F else { break }
            end = before
        }
        if start == end { return "" }
        if utf8[start] < 0x80 && utf8[utf8.index(before: end)] < 0x80 {
            return String(text[start..<end])
        }
        // Non-ASCII at an end (NBSP, BOM, ...): decode scalars.
        let scalars = text.unicodeScalars
        guard let from = scalars.firstIndex(where: { !isTrimmable($0) }),
            let to = scalars.lastIndex(where: { !isTrimmable($0) })
        else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[from...to])
        return String(result)
    }

    /// `text` lower-cased with `_` turned into `-`, when it is made of ASCII letters, digits, `-`
    /// and `_` only; else `nil`.
    static func asciiTag(_ text: String) -> String? {
        let utf8 = text.utf8
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default:
                return nil
            }
        }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte | 0x20
                case UInt8(ascii: "_"): buffer[count] = UInt8(ascii: "-")
                default: buffer[count] = byte
                }
                count += 1
            }
            return count
        }
    }

    /// Packs up to four ASCII bytes big-endian into a key (`"AB"` → `0x4142_0000`).
    static func pack(_ text: String) -> UInt32 {
        var key: UInt32 = 0
        var shift: UInt32 = 24
        for byte in text.utf8.prefix(4) {
            key |= UInt32(byte) << shift
            shift &-= 8
        }
        return key
    }

    /// The packed upper-case key of `length` ASCII letters, or `nil` for anything else.
    static func packedLetters(_ text: some StringProtocol, length: ClosedRange<Int>) -> UInt32? {
        let bytes = text.utf8
        guard length.contains(bytes.count) else { return nil }
        var key: UInt32 = 0
        var shift: UInt32 = 24
        for byte in bytes {
            let upper: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = byte
            case UInt8(ascii: "a")...UInt8(ascii: "z"): upper = byte &- 0x20
            default: return nil
            }
            key |= UInt32(upper) << shift
            shift &-= 8
        }
        return key
    }

    /// The packed key of one to three ASCII digits left-padded with zeros to three, or `nil`.
    static func packedDigits(_ text: some StringProtocol) -> UInt32? {
        let bytes = text.utf8
        guard (1...3).contains(bytes.count) else { return nil }
        var key: UInt32 = 0
        var shift: UInt32 = 24
        for _ in bytes.count..<3 {
            key |= UInt32(UInt8(ascii: "0")) << shift
            shift &-= 8
        }
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            key |= UInt32(byte) << shift
            shift &-= 8
        }
        return key
    }
}
