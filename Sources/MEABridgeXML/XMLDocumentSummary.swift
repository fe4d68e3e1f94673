/// What a parse learned about a document as a whole: its root element, its size and its declaration.
public struct XMLDocumentSummary: Sendable, Hashable {
    /// The local name of the root element (without a prefix), for example `decisions`.
    public var rootElementName: String
    /// The namespace prefix of the root element, if it has one.
    public var rootElementPrefix: String?
    /// The namespace URI of the root element, if it is in a namespace.
    public var rootElementNamespaceURI: String?
    /// The number of elements in the document, the root included.
    public var elementCount: Int
    /// The encoding named in the XML declaration (`<?xml … encoding="…"?>`), if any.
    public var declaredEncoding: String?
    /// The XML version in the XML declaration, if any (libxml2 reports `1.0` when the declaration is missing).
    public var xmlVersion: String?

    /// Creates a summary.
    /// - Parameters:
    ///   - rootElementName: The local name of the root element.
    ///   - rootElementPrefix: The namespace prefix of the root element.
    ///   - rootElementNamespaceURI: The namespace URI of the root element.
    ///   - elementCount: The number of elements, the root included.
    ///   - declaredEncoding: The encoding named in the XML declaration.
    ///   - xmlVersion: The XML version in the XML declaration.
    public init(
        rootElementName: String,
        rootElementPrefix: String? = nil,
        rootElementNamespaceURI: String? = nil,
        elementCount: Int,
        declaredEncoding: String? = nil,
        xmlVersion: String? = nil
    ) {
        self.rootElementName = rootElementName
        self.rootElementPrefix = rootElementPrefix
        self.rootElementNamespaceURI = rootElementNamespaceURI
        self.elementCount = elementCount
        self.declaredEncoding = declaredEncoding
        self.xmlVersion = xmlVersion
    }
}
