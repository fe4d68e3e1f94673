/// An expanded XML name: a namespace URI (none for names in no namespace) and a local name.
///
/// Two names are equal when both parts are, whatever prefix the document used: `d:title` and `ds:title` with the
/// same namespace URI are the same name.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace URI, or `nil` for a name in no namespace.
    public var namespaceURI: String?
    /// The local name, without a prefix.
    public var localName: String

    /// Creates a name.
    /// - Parameters:
    ///   - namespaceURI: The namespace URI, or `nil` for no namespace.
    ///   - localName: The local name.
    public init(_ namespaceURI: String?, _ localName: String) {
        self.namespaceURI = namespaceURI
        self.localName = localName
    }

    /// `{namespace}local` (James Clark notation), or `local` without a namespace.
    public var description: String {
        guard let namespaceURI else { return localName }
        return "{\(namespaceURI)}\(localName)"
    }
}

/// A small number standing for an `XMLName` within one `XMLStreamReader`, for fast comparisons while streaming.
///
/// Get one from ``XMLStreamReader/id(of:)`` before reading and compare it with ``XMLStreamReader/nameID``; ids from
/// one reader mean nothing to another.
public struct XMLNameID: Sendable, Hashable {
    let rawValue: Int32
}

/// One step of an element's path, as a stream reader records it: which name and which position among its
/// same-named siblings.
///
/// Steps are cheap to keep (two integers); ``XMLStreamReader/path(of:)`` renders a list of them as an XPath.
public struct XMLPathStep: Sendable, Hashable {
    /// The name entry (qualified spelling) in the reader's name table.
    let entry: Int32
    /// The 1-based position among the preceding siblings with the same expanded name.
    let position: Int32
}
