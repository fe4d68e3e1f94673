internal import CLibXML2
internal import MEABridgeCore

/// Converts libxml2's structured errors (`xmlError`) into diagnostics.
///
/// Shared by every libxml2 context wrapper (document parser now; stream reader and schema validator later), so
/// that ids, severities and locations are the same whichever layer reports.
enum LibXML2Error {
    /// Builds a diagnostic from one libxml2 error.
    ///
    /// Call this inside the error callback: `error.node`, when set, points into a tree that is still being built.
    /// - Parameters:
    ///   - error: The error libxml2 passed to the structured handler.
    ///   - source: The name to put in the location (the path or name the caller gave).
    /// - Returns: The diagnostic.
    static func diagnostic(from error: UnsafePointer<xmlError>, source: String) -> Diagnostic {
        let value = error.pointee
        let message = value.message.map { oneLine(String(cString: $0)) } ?? "unknown libxml2 error"
        var location = SourceLocation(source: source)
        if value.line > 0 { location.line = Int(value.line) }
        if value.int2 > 0 { location.column = Int(value.int2) }
        if let node = value.node {
            location.path = nodePath(node.assumingMemoryBound(to: xmlNode.self))
        }
        return Diagnostic(
            id: id(domain: value.domain, code: value.code, message: message),
            severity: severity(value.level),
            message: message,
            location: location
        )
    }

    /// Maps libxml2's error level to a severity; fatal errors, after which parsing stops, become `.fatal`.
    /// - Parameter level: The level from the error.
    /// - Returns: The severity.
    static func severity(_ level: xmlErrorLevel) -> Severity {
        switch level {
        case XML_ERR_NONE: .note
        case XML_ERR_WARNING: .warning
        case XML_ERR_ERROR: .error
        default: .fatal
        }
    }

    /// Chooses a diagnostic id from libxml2's error domain and code.
    ///
    /// Codes that libxml2 releases after 2.9 introduced are not named here (this must compile against 2.9); they
    /// fall back to their domain's id, which is `xml.syntax` for the parser.
    /// - Parameters:
    ///   - domain: The `xmlErrorDomain` raw value.
    ///   - code: The error code (an `xmlParserErrors` raw value).
    ///   - message: The message, for the one case libxml2 2.9 does not separate by code (invalid UTF-8 bytes are
    ///     reported as `XML_ERR_INVALID_CHAR`, like a forbidden character).
    /// - Returns: The id.
    static func id(domain: Int32, code: Int32, message: String) -> DiagnosticID {
        switch UInt32(bitPattern: domain) {
        case XML_FROM_NAMESPACE.rawValue:
            return .xmlNamespace
        case XML_FROM_DTD.rawValue, XML_FROM_VALID.rawValue:
            return .xmlDTD
        case XML_FROM_I18N.rawValue:
            return .xmlEncoding
        case XML_FROM_MEMORY.rawValue:
            return .xmlLimit
        case XML_FROM_IO.rawValue, XML_FROM_FTP.rawValue, XML_FROM_HTTP.rawValue:
            return code == Int32(XML_IO_ENCODER.rawValue) ? .xmlEncoding : .xmlIO
        default:
            break
        }
        let parserCode = UInt32(bitPattern: code)
        if entityCodes.contains(parserCode) { return .xmlEntity }
        if encodingCodes.contains(parserCode) { return .xmlEncoding }
        if limitCodes.contains(parserCode) { return .xmlLimit }
        if parserCode == XML_ERR_INVALID_CHAR.rawValue, message.hasPrefix("Input is not proper") {
            return .xmlEncoding
        }
        return .xmlSyntax
    }

    private static let entityCodes: Set<UInt32> = [
        XML_ERR_ENTITYREF_AT_EOF, XML_ERR_ENTITYREF_IN_PROLOG, XML_ERR_ENTITYREF_IN_EPILOG,
        XML_ERR_ENTITYREF_IN_DTD, XML_ERR_PEREF_AT_EOF, XML_ERR_PEREF_IN_PROLOG, XML_ERR_PEREF_IN_EPILOG,
        XML_ERR_PEREF_IN_INT_SUBSET, XML_ERR_ENTITYREF_NO_NAME, XML_ERR_ENTITYREF_SEMICOL_MISSING,
        XML_ERR_PEREF_NO_NAME, XML_ERR_PEREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY,
        XML_ERR_UNPARSED_ENTITY, XML_ERR_ENTITY_IS_EXTERNAL, XML_ERR_ENTITY_IS_PARAMETER,
        XML_ERR_ENTITY_NOT_STARTED, XML_ERR_ENTITY_NOT_FINISHED, XML_ERR_EXT_ENTITY_STANDALONE,
        XML_ERR_ENTITY_CHAR_ERROR, XML_ERR_ENTITY_PE_INTERNAL, XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_BOUNDARY,
        XML_ERR_ENTITY_PROCESSING, XML_WAR_ENTITY_REDEFINED,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    private static let encodingCodes: Set<UInt32> = [
        XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_ENCODING_NAME, XML_ERR_INVALID_ENCODING,
        XML_ERR_MISSING_ENCODING,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    private static let limitCodes: Set<UInt32> = [XML_ERR_INTERNAL_ERROR, XML_ERR_NO_MEMORY]
        .reduce(into: []) { $0.insert($1.rawValue) }

    /// The XPath of a node, such as `/decisions/decision[2]`, or `nil` when libxml2 cannot build one.
    /// - Parameter node: A node in a live tree.
    /// - Returns: The path.
    static func nodePath(_ node: UnsafeMutablePointer<xmlNode>) -> String? {
        guard let raw = xmlGetNodePath(node) else { return nil }
        defer { clibxml2_free(raw) }
        return String(cString: raw)
    }

    /// Joins libxml2's multi-line messages into one line and drops the trailing newline.
    /// - Parameter text: The message as libxml2 wrote it.
    /// - Returns: The message on one line, trimmed.
    static func oneLine(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        let joined = parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
        return joined
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
