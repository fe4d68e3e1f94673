public import OrderedCollections

/// Text in several languages: an ordered map from a normalised language code to a value.
///
/// Languages are normalised on insertion (`zh`, `cn`, `chinese` → `zh-hans`); `und` stays undetermined and is
/// never taken for English. Insertion order is kept, so writers are deterministic.
public struct LocalizedText: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The values by language, in insertion order.
    public private(set) var values: OrderedDictionary<LanguageCode, String>

    /// Creates empty text.
    public init() { values = [:] }

    /// Creates text from pairs; a later pair for the same language replaces the value of an earlier one.
    /// - Parameter pairs: `(language, value)` pairs in order.
    public init(_ pairs: [(LanguageCode, String)]) {
        values = [:]
        for (language, value) in pairs { set(value, for: language) }
    }

    /// Creates text from a literal such as `["en": "Title", "fr": "Titre"]`.
    /// - Parameter elements: The language/value pairs.
    public init(dictionaryLiteral elements: (LanguageCode, String)...) { self.init(elements) }

    /// Whether there is no value in any language.
    public var isEmpty: Bool { values.isEmpty }

    /// The number of languages present.
    public var count: Int { values.count }

    /// The languages present, in order.
    public var languages: [LanguageCode] { Array(values.keys) }

    /// The value in `language`, if any.
    /// - Parameter language: The language wanted.
    public subscript(language: LanguageCode) -> String? { values[language] }

    /// The English value, if any.
    public var english: String? { values[.english] }

    /// The English value, else the first value in another language, with its language.
    public var preferred: (language: LanguageCode, value: String)? {
        if let english { return (.english, english) }
        return values.elements.first.map { ($0.key, $0.value) }
    }

    /// Sets the value for a language (an empty value removes it).
    /// - Parameters:
    ///   - value: The text.
    ///   - language: Its language.
    public mutating func set(_ value: String, for language: LanguageCode) {
        if value.isEmpty {
            values.removeValue(forKey: language)
        } else {
            values[language] = value
        }
    }

    /// Language/value pairs in order.
    public var pairs: [(language: LanguageCode, value: String)] {
        values.elements.map { ($0.key, $0.value) }
    }
}
