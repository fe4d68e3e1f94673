internal import CLibXML2

/// How an XML stream is read; the defaults are safe for untrusted input.
///
/// Whatever the options, the stream reader never touches the network (`XML_PARSE_NONET`), counts line numbers past
/// 65,535 (`XML_PARSE_BIG_LINES`), never loads an external DTD or external entity, and never expands entities
/// declared in the document's DTD: a reference to one is reported (`xml.entity`), so entity-expansion attacks have
/// nothing to expand. Predefined entities (`&amp;`, `&lt;`, …) and character references are decoded as usual.
public struct XMLStreamOptions: Sendable, Hashable {
    /// libxml2's text-node limit without `XML_PARSE_HUGE`, which this reader applies by default.
    public static let defaultMaxTextLength = 10_000_000

    /// Whether libxml2's size and depth safety limits are lifted (`XML_PARSE_HUGE`); `false` by default.
    ///
    /// Set this only for trusted input that legitimately exceeds the limits (nesting deeper than 256 elements,
    /// names or attribute values over 10 MB).
    public var allowsHugeDocuments: Bool

    /// The longest run of text (one text node, in UTF-8 bytes) accepted before reading stops with a fatal
    /// `xml.limit` diagnostic; 10,000,000 by default, as libxml2's own tree builder.
    public var maxTextLength: Int

    /// The deepest nesting of elements accepted before reading stops with a fatal `xml.limit` diagnostic: 256 by
    /// default and 2,048 with ``allowsHugeDocuments``, libxml2's own limits.
    public var maxDepth: Int

    /// The most diagnostics reported; later ones are counted and dropped, and a note says how many.
    public var diagnosticLimit: Int

    /// The input bytes handed to libxml2 at a time.
    public var chunkSize: Int

    /// Whether libxml2 parses on a thread of its own, a few chunks ahead of the cursor; `true` by default.
    ///
    /// On a machine with a spare core, parsing and the consumer's work overlap. The source is always read, and
    /// diagnostics and events always delivered, on the caller's thread.
    public var parsesConcurrently: Bool

    /// Creates stream options.
    /// - Parameters:
    ///   - allowsHugeDocuments: Lift libxml2's size and depth limits (`XML_PARSE_HUGE`); only for trusted input.
    ///   - maxTextLength: The longest text node accepted, in UTF-8 bytes (at least 1).
    ///   - maxDepth: The deepest nesting accepted; `nil` for libxml2's limit (256, or 2,048 for huge documents).
    ///   - diagnosticLimit: The most diagnostics reported (at least 1).
    ///   - chunkSize: The input bytes parsed at a time (at least 4; small values exercise chunk boundaries).
    ///   - parsesConcurrently: Parse on a thread of its own, ahead of the cursor.
    public init(
        allowsHugeDocuments: Bool = false,
        maxTextLength: Int = XMLStreamOptions.defaultMaxTextLength,
        maxDepth: Int? = nil,
        diagnosticLimit: Int = 100_000,
        chunkSize: Int = 256 << 10,
        parsesConcurrently: Bool = true
    ) {
        self.allowsHugeDocuments = allowsHugeDocuments
        self.maxTextLength = max(1, maxTextLength)
        self.maxDepth = max(1, maxDepth ?? (allowsHugeDocuments ? 2_048 : 256))
        self.diagnosticLimit = max(1, diagnosticLimit)
        self.chunkSize = max(4, chunkSize)
        self.parsesConcurrently = parsesConcurrently
    }

    /// The safe defaults.
    public static let `default` = XMLStreamOptions()

    /// The `xmlParserOption` bits for these options.
    var libxml2Flags: Int32 {
        var flags = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        flags |= XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if allowsHugeDocuments { flags |= XML_PARSE_HUGE.rawValue }
        return Int32(bitPattern: UInt32(truncatingIfNeeded: flags))
    }
}
