public import MEABridgeCore

/// The outcome of parsing one XML document: a summary when a document was built, and every problem reported.
public struct XMLParseResult: Sendable, Hashable {
    /// The summary of the document; `nil` when the input could not be parsed into a document.
    public var summary: XMLDocumentSummary?
    /// The well-formedness errors and warnings, in the order libxml2 reported them (up to the options' limit).
    public var diagnostics: [Diagnostic]
    /// How many diagnostics were reported beyond the limit and left out of ``diagnostics``.
    public var suppressedDiagnosticCount: Int
    /// Whether libxml2 judged the document well-formed XML with well-formed namespaces.
    ///
    /// A well-formed document can still carry error diagnostics, for example an entity left undeclared because the
    /// external DTD that might declare it is never loaded; check ``hasErrors`` as well.
    public var isWellFormed: Bool

    /// Creates a result.
    /// - Parameters:
    ///   - summary: The summary of the document, if one was built.
    ///   - diagnostics: The problems reported.
    ///   - suppressedDiagnosticCount: How many problems were left out over the limit.
    ///   - isWellFormed: Whether the document is well-formed.
    public init(
        summary: XMLDocumentSummary?,
        diagnostics: [Diagnostic],
        suppressedDiagnosticCount: Int = 0,
        isWellFormed: Bool
    ) {
        self.summary = summary
        self.diagnostics = diagnostics
        self.suppressedDiagnosticCount = suppressedDiagnosticCount
        self.isWellFormed = isWellFormed
    }

    /// Whether any diagnostic is an error or worse.
    public var hasErrors: Bool { diagnostics.contains { $0.severity >= .error } }
}
