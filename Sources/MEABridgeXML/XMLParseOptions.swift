internal import CLibXML2

/// How an XML document is parsed; the defaults are safe for untrusted input.
///
/// Whatever the options, the parser never touches the network (`XML_PARSE_NONET`), reports line numbers above
/// 65,535 correctly (`XML_PARSE_BIG_LINES`), never substitutes entities into the tree (no `XML_PARSE_NOENT`), never
/// loads an external DTD (no `XML_PARSE_DTDLOAD`), and reports problems only as diagnostics, never on standard error
/// (`XML_PARSE_NOERROR`, `XML_PARSE_NOWARNING`).
public struct XMLParseOptions: Sendable, Hashable {
    /// Whether libxml2's size and depth safety limits are lifted (`XML_PARSE_HUGE`); `false` by default.
    ///
    /// Set this only for trusted input that legitimately exceeds the limits (text nodes over 10 MB, nesting deeper
    /// than 256 elements): the limits are what protect the process from hostile documents.
    public var allowsHugeDocuments: Bool

    /// Whether the parser keeps going after a well-formedness error and still builds a summary
    /// (`XML_PARSE_RECOVER`); `false` by default.
    ///
    /// With recovery, a malformed document yields a best-effort summary plus every error libxml2 could detect;
    /// without it, parsing stops at the first fatal error and the summary is `nil`.
    public var recovers: Bool

    /// The most diagnostics kept in a result; later ones are only counted.
    public var diagnosticLimit: Int

    /// Creates parse options.
    /// - Parameters:
    ///   - allowsHugeDocuments: Lift libxml2's size and depth limits (`XML_PARSE_HUGE`); only for trusted input.
    ///   - recovers: Keep parsing after well-formedness errors (`XML_PARSE_RECOVER`).
    ///   - diagnosticLimit: The most diagnostics kept in a result (at least 1).
    public init(allowsHugeDocuments: Bool = false, recovers: Bool = false, diagnosticLimit: Int = 1_000) {
        self.allowsHugeDocuments = allowsHugeDocuments
        self.recovers = recovers
        self.diagnosticLimit = max(1, diagnosticLimit)
    }

    /// The safe defaults: no network, no entity substitution, no external DTD, libxml2's limits in force.
    public static let `default` = XMLParseOptions()

    /// The `xmlParserOption` bits for these options.
    var libxml2Flags: Int32 {
        var flags = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        flags |= XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if allowsHugeDocuments { flags |= XML_PARSE_HUGE.rawValue }
        if recovers { flags |= XML_PARSE_RECOVER.rawValue }
        return Int32(bitPattern: UInt32(truncatingIfNeeded: flags))
    }
}
