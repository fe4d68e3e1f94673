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
    /// An XSD validity error in the content model: an element that is not expected here, or a missing one.
    public static let xsdContent: DiagnosticID = "xsd.content"
    /// An XSD validity error in an attribute: missing, not allowed, or of the wrong type.
    public static let xsdAttribute: DiagnosticID = "xsd.attribute"
    /// An XSD validity error in a value: not of its datatype, or outside a facet (pattern, enumeration, length, …).
    public static let xsdValue: DiagnosticID = "xsd.value"
    /// Any other XSD validity error.
    public static let xsdInvalid: DiagnosticID = "xsd.invalid"
    /// A problem in an XML schema itself: unreadable, not well-formed, or not a valid XSD.
    public static let xsdSchema: DiagnosticID = "xsd.schema"
    /// A character XML 1.0 cannot carry (a C0 control other than tab and line breaks, U+FFFE, U+FFFF) was written
    /// as U+FFFD.
    public static let xmlCharacterReplaced: DiagnosticID = "xml.character-replaced"
    /// A name that is not an XML name could not be written as an element or attribute name.
    public static let xmlNameInvalid: DiagnosticID = "xml.name-invalid"
}
