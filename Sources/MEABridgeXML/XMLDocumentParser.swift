import MEABridgeCore

/// Parses whole XML documents with libxml2 and reports well-formedness problems as diagnostics.
///
/// This is a checking and summarising pass: the document tree is built, summarised and freed at once, so memory
/// use grows with the document (roughly ten times its size). Large exports belong to the streaming reader.
///
/// Each call uses its own libxml2 parser context and error handler, so calls may run concurrently from any task or
/// thread. The parser never loads anything from the network, never substitutes entities and never loads an
/// external DTD (see ``XMLParseOptions``).
public enum XMLDocumentParser {
    /// Parses the XML document in a file.
    ///
    /// libxml2 detects the encoding from a byte order mark or the XML declaration, and transparently decompresses
    /// gzip-compressed files. A file that cannot be opened yields a fatal `xml.io` diagnostic.
    /// - Parameters:
    ///   - path: The file to read; `-` reads standard input.
    ///   - options: How to parse; the defaults are safe for untrusted input.
    /// - Returns: The document summary (when the document could be parsed) and every problem reported.
    public static func parse(path: String, options: XMLParseOptions = .default) -> XMLParseResult {
        if path != "-" {
            // Open the file ourselves first: a clear `cannot open …: No such file or directory` instead of
            // libxml2's warning, and nothing that is not a local file ever reaches libxml2's URL loaders.
            do {
                _ = try FileByteSource(path: path)
            } catch {
                return failure(.xmlIO, message: error.description, source: path)
            }
        }
        guard let context = DocumentParserContext(sourceName: path, diagnosticLimit: options.diagnosticLimit) else {
            return failure(.xmlLimit, message: "libxml2 could not allocate a parser context", source: path)
        }
        return context.parse(path: path, options: options)
    }

    /// Parses an XML document held in memory.
    ///
    /// libxml2 detects the encoding from a byte order mark or the XML declaration (UTF-8 when neither is present).
    /// - Parameters:
    ///   - bytes: The document's bytes.
    ///   - name: The name to use in diagnostics, such as the file or URL the bytes came from.
    ///   - options: How to parse; the defaults are safe for untrusted input.
    /// - Returns: The document summary (when the document could be parsed) and every problem reported.
    public static func parse(
        bytes: [UInt8],
        name: String = "<memory>",
        options: XMLParseOptions = .default
    ) -> XMLParseResult {
        guard let context = DocumentParserContext(sourceName: name, diagnosticLimit: options.diagnosticLimit) else {
            return failure(.xmlLimit, message: "libxml2 could not allocate a parser context", source: name)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            context.parse(buffer: buffer, options: options)
        }
    }

    /// A result with no document and one fatal diagnostic.
    /// - Parameters:
    ///   - id: The diagnostic id.
    ///   - message: What went wrong.
    ///   - source: The input's name.
    /// - Returns: The result.
    private static func failure(_ id: DiagnosticID, message: String, source: String) -> XMLParseResult {
        let diagnostic = Diagnostic(
            id: id,
            severity: .fatal,
            message: message,
            location: SourceLocation(source: source)
        )
        return XMLParseResult(summary: nil, diagnostics: [diagnostic], isWellFormed: false)
    }
}
