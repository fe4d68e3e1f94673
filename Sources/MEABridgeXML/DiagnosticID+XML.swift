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

extension XSDSchemaValidator {
    /// What the diagnostics of XSD validation and of XML output mean (for `meabridge explain` and the reports).
    public static let diagnosticDescriptions: [DiagnosticDescription] = [
        DiagnosticDescription(
            .xsdContent,
            .error,
            "An element is not allowed where it is, or a required one is missing (XSD).",
            """
            The schema's content model for the parent element does not allow this child here, or expects another \
            one first. The XPath names the element; compare it with the schema's sequence for its parent.
            """
        ),
        DiagnosticDescription(
            .xsdAttribute,
            .error,
            "An attribute is missing, not allowed, or has a wrong value (XSD).",
            "Add the required attribute, remove the unknown one, or fix its value; the XPath names the element."
        ),
        DiagnosticDescription(
            .xsdValue,
            .error,
            "A value does not fit its XSD type (a date, number, Boolean, pattern or list of values).",
            """
            The message quotes the value and the type. Dates are ISO 8601 (2014-05-06T00:00:00), numbers use a dot \
            for decimals, Booleans are true/false or 1/0.
            """
        ),
        DiagnosticDescription(
            .xsdInvalid,
            .error,
            "The document breaks another rule of its XSD.",
            "The message (libxml2's) says which; the XPath names the element."
        ),
        DiagnosticDescription(
            .xsdSchema,
            .error,
            "The XML schema itself cannot be used.",
            """
            The schema file is not well-formed, imports a schema that cannot be found (network locations are never \
            loaded), or is not a valid XSD; the line is in the schema file.
            """
        ),
        DiagnosticDescription(
            .xmlCharacterReplaced,
            .warning,
            "A character XML cannot carry was written as U+FFFD.",
            """
            XML 1.0 forbids most control characters (below U+0020, except tab and line breaks) and U+FFFE/U+FFFF, \
            even as character references. Clean the value at its source if the character mattered.
            """
        ),
        DiagnosticDescription(
            .xmlNameInvalid,
            .warning,
            "A provider property's name cannot be an XML element name; it was left out of the XML output.",
            "Names must start with a letter or underscore and hold no spaces or colons. Rename it at its source."
        ),
    ]
}
