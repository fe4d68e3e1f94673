/// An RFC 3986 URI reference split into its five parts, with reference resolution.
///
/// Schema identifiers (`$id`, `$ref`, `$schema`) are URI references; resolving one against a base URI gives the
/// absolute URI that names a schema resource. No normalisation beyond RFC 3986 §5.2 is done, except that a scheme
/// and host are compared in lower case.
struct URIReference: Hashable, Sendable, CustomStringConvertible {
    /// The scheme without `:`, such as `https` or `urn`; `nil` for a relative reference.
    var scheme: String?
    /// The authority without `//`; `nil` when the reference has none.
    var authority: String?
    /// The path (may be empty).
    var path: String
    /// The query without `?`; `nil` when absent.
    var query: String?
    /// The fragment without `#`; `nil` when absent.
    var fragment: String?

    /// Splits a URI reference (RFC 3986 appendix B).
    /// - Parameter text: The reference.
    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isASCII, first.isLetter,
            rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = URIReference.lowercasingHost(String(rest[..<end]))
            rest = rest[end...]
        }
        path = String(rest)
    }

    /// Builds a reference from its parts.
    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Lower-cases the host part of an authority (user information and port are kept).
    private static func lowercasingHost(_ authority: String) -> String {
        guard let at = authority.lastIndex(of: "@") else { return authority.lowercased() }
        return String(authority[...at]) + authority[authority.index(after: at)...].lowercased()
    }

    /// Whether the reference has a scheme (is an absolute URI, possibly with a fragment).
    var isAbsolute: Bool { scheme != nil }

    /// The reference recomposed (RFC 3986 §5.3).
    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// The same reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves this reference against a base URI (RFC 3986 §5.2.2).
    /// - Parameter base: An absolute URI.
    /// - Returns: The target URI.
    func resolved(against base: URIReference) -> URIReference {
        var target = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: fragment)
        if let scheme {
            target.scheme = scheme
            target.authority = authority
            target.path = URIReference.removeDotSegments(path)
            target.query = query
            return target
        }
        target.scheme = base.scheme
        if authority != nil {
            target.authority = authority
            target.path = URIReference.removeDotSegments(path)
            target.query = query
            return target
        }
        target.authority = base.authority
        if path.isEmpty {
            target.path = base.path
            target.query = query ?? base.query
            return target
        }
        if path.hasPrefix("/") {
            target.path = URIReference.removeDotSegments(path)
        } else {
            target.path = URIReference.removeDotSegments(merge(base))
        }
        target.query = query
        return target
    }

    /// Merges this relative path with the base's path (RFC 3986 §5.2.3).
    private func merge(_ base: URIReference) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// Removes `.` and `..` segments from a path (RFC 3986 §5.2.4).
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var end = input.index(after: input.startIndex)
                if input.first != "/" { end = input.startIndex }
                let next = input[end...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<next])
                input = input[next...]
            }
        }
        return output.joined()
    }
}
