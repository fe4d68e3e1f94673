import MEABridgeCore

/// The namespaces and fixed strings of OData Atom feeds (OData v1/v2, as the InforMEA toolkit and WCF Data
/// Services write them).
enum AtomVocabulary {
    /// Atom (RFC 4287).
    static let atom = "http://www.w3.org/2005/Atom"
    /// OData data services: the `d:` prefix of properties.
    static let data = "http://schemas.microsoft.com/ado/2007/08/dataservices"
    /// OData metadata: the `m:` prefix of `m:properties`, `m:type`, `m:null`, `m:inline`.
    static let metadata = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
    /// The `scheme` of an entry's `category`, whose `term` names the entity type.
    static let scheme = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"
    /// The `rel` of a navigation link is this prefix followed by the navigation property's name.
    static let relatedPrefix = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/"
    /// The XML namespace (`xml:base`).
    static let xml = "http://www.w3.org/XML/1998/namespace"
    /// The EDM namespace of CSDL v2 (OData v2 `$metadata`).
    static let edm = "http://schemas.microsoft.com/ado/2008/09/edm"
    /// The EDMX namespace of a `$metadata` document.
    static let edmx = "http://schemas.microsoft.com/ado/2007/06/edmx"
    /// The `updated` written when a record has no date of its own: the writer's output must not depend on the clock.
    static let epoch = "1970-01-01T00:00:00Z"

    /// The key of an OData entity address: `Meetings('a''b')` gives `a'b`, `Decisions(guid'…')` the GUID,
    /// `Sites(1)` `1`; percent-escapes are decoded.
    /// - Parameter href: A link or id ending with an entity address.
    /// - Returns: The set name and the key, or `nil` when `href` does not end with `Set(key)`.
    static func entityAddress(_ href: String) -> (set: String, key: String)? {
        guard href.hasSuffix(")"), let open = href.lastIndex(of: "(") else { return nil }
        var setName = Substring(href[..<open])
        if let slash = setName.lastIndex(of: "/") { setName = setName[setName.index(after: slash)...] }
        var key = Substring(href[href.index(after: open)..<href.index(before: href.endIndex)])
        if key.hasPrefix("guid'") { key = key.dropFirst(4) }
        if key.hasPrefix("'"), key.hasSuffix("'"), key.count >= 2 {
            key = key.dropFirst().dropLast()
        }
        let decoded = percentDecoded(String(key)).replacingAll("''", with: "'")
        guard !setName.isEmpty, !decoded.isEmpty else { return nil }
        return (String(setName), decoded)
    }

    /// An entity address for a key: `Meetings('a''b')`, percent-encoding what a URI cannot hold.
    /// - Parameters:
    ///   - set: The entity set.
    ///   - key: The key.
    /// - Returns: The address.
    static func address(_ set: String, _ key: String) -> String {
        "\(set)('\(percentEncoded(key.replacingAll("'", with: "''")))')"
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"),
                UInt8(ascii: "@"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return result
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
