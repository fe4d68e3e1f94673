public import MEABridgeCore

extension DiagnosticID {
    /// A well-formedness error in the markup itself (mismatched tags, bad names, unquoted attributes, …).
    public static let xmlSyntax: DiagnosticID = "xml.syntax"
    /// A problem with an entity: undeclared, external where not allowed, recursive or too large in expansion.
    public static let xmlEntity: DiagnosticID = "xml.entity"
    /// Bytes that are not valid in the document's encoding, or an unknown or unsupported encoding.
    public static let xmlEncoding: DiagnosticID = "xml.encoding"
    /// A namespace error: an undeclared prefix, a bad namespace URI, a duplicate attribute after expansion.
    public static let xmlNamespace: DiagnosticID = "xml.namespace"
    /// A problem in the document type declaration or with DTD validity.
    public static let xmlDTD: DiagnosticID = "xml.dtd"
    /// The document or a resource it names could not be read (missing file, refused network access).
    public static let xmlIO: DiagnosticID = "xml.io"
    /// A safety limit of the parser was hit (input, text or nesting too large) or memory ran out.
    public static let xmlLimit: DiagnosticID = "xml.limit"
}
