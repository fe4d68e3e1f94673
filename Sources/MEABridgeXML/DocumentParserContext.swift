internal import CLibXML2
internal import MEABridgeCore

/// Owns one libxml2 parser context (`xmlParserCtxt`) and collects the errors it reports.
///
/// A class only because it owns a C resource and libxml2 needs a stable address to call back into: the structured
/// error handler is installed on this context (`ctxt->sax->serror`, never libxml2's global handler), and the
/// context's `_private` field points back at this object. Not `Sendable`: one context parses one document on one
/// thread.
///
/// libxml2 2.9 raises a few errors without any parser context: input that cannot be converted from its encoding
/// (a lone UTF-16 surrogate, bytes invalid in the declared encoding) and some I/O failures. Those go to the calling
/// thread's structured handler, or else to standard error. So for the duration of each synchronous parse call, and
/// only then, the thread's handler is pointed at this context too and restored afterwards (see
/// ``routingContextlessErrors(_:)``); nothing can run on the thread in between, because the call never suspends.
final class DocumentParserContext {
    private let context: xmlParserCtxtPtr
    private let sourceName: String
    private var collector: DiagnosticCollector
    /// The last diagnostic libxml2 reported; libxml2 2.9 reports some encoding errors twice in a row.
    private var lastReported: Diagnostic?

    /// Creates a parser context whose errors become diagnostics located in `sourceName`; fails when libxml2
    /// cannot allocate a context.
    /// - Parameters:
    ///   - sourceName: The name to put in every diagnostic's location.
    ///   - diagnosticLimit: The most diagnostics kept.
    init?(sourceName: String, diagnosticLimit: Int) {
        LibXML2.ensureInitialized()
        guard let context = xmlNewParserCtxt() else { return nil }
        guard let sax = context.pointee.sax else {
            xmlFreeParserCtxt(context)
            return nil
        }
        self.context = context
        self.sourceName = sourceName
        self.collector = DiagnosticCollector(limit: diagnosticLimit)
        // libxml2 calls `serror` with `ctxt->userData`, which must stay the context itself for the SAX2 defaults,
        // so the collector travels in `_private`. The closure captures nothing, so it converts to a C function
        // pointer; `UnsafePointer(error)` accepts both 2.9's `xmlErrorPtr` and 2.12's `const xmlError *`.
        sax.pointee.serror = { userData, error in
            DocumentParserContext.handle(userData: userData, error: UnsafePointer(error))
        }
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        context.pointee._private = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses a document held in memory.
    /// - Parameters:
    ///   - buffer: The document's bytes; libxml2 detects the encoding from a BOM or the XML declaration.
    ///   - options: How to parse.
    /// - Returns: The summary and diagnostics.
    func parse(buffer: UnsafeBufferPointer<UInt8>, options: XMLParseOptions) -> XMLParseResult {
        guard let size = Int32(exactly: buffer.count) else {
            report(.xmlLimit, "the document is larger than 2 GiB; parse it from a file instead")
            return finish(document: nil)
        }
        return withExtendedLifetime(self) {
            let empty: [CChar] = [0]
            let document = empty.withUnsafeBufferPointer { fallback in
                let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                return routingContextlessErrors {
                    xmlCtxtReadMemory(
                        context,
                        base ?? fallback.baseAddress,
                        size,
                        sourceName,
                        nil,
                        options.libxml2Flags
                    )
                }
            }
            return finish(document: document)
        }
    }

    /// Parses a document from a file (`-` reads standard input; gzip-compressed files are decompressed).
    /// - Parameters:
    ///   - path: The file to read.
    ///   - options: How to parse.
    /// - Returns: The summary and diagnostics.
    func parse(path: String, options: XMLParseOptions) -> XMLParseResult {
        withExtendedLifetime(self) {
            // Apply the options before the load as well, so `XML_PARSE_NONET` already guards opening the document.
            _ = xmlCtxtUseOptions(context, options.libxml2Flags)
            let document = routingContextlessErrors {
                xmlCtxtReadFile(context, path, nil, options.libxml2Flags)
            }
            return finish(document: document)
        }
    }

    /// Runs `body` with the calling thread's structured error handler pointed at this context, then restores it.
    ///
    /// `body` must be synchronous libxml2 work on this context: the handler is per-thread state, so it is correct
    /// only because nothing else runs on this thread before it is restored.
    /// - Parameter body: The libxml2 call that may raise context-less errors.
    /// - Returns: What `body` returns.
    private func routingContextlessErrors<Result>(_ body: () -> Result) -> Result {
        LibXML2.withThreadStructuredErrors(
            context: UnsafeMutableRawPointer(context),
            handler: context.pointee.sax?.pointee.serror,
            body
        )
    }

    /// Adds a diagnostic of our own (not from libxml2), located at the start of the input.
    /// - Parameters:
    ///   - id: The diagnostic id.
    ///   - message: What went wrong.
    ///   - severity: How serious it is.
    private func report(_ id: DiagnosticID, _ message: String, severity: Severity = .fatal) {
        collector.report(Diagnostic(id: id, severity: severity, message: message, location: .init(source: sourceName)))
    }

    /// Summarises and frees the document, and packages the diagnostics.
    /// - Parameter document: The document libxml2 returned, if any; this function frees it.
    /// - Returns: The result.
    private func finish(document: xmlDocPtr?) -> XMLParseResult {
        var summary: XMLDocumentSummary?
        if let document {
            summary = Self.summarize(document)
            xmlFreeDoc(document)
        }
        let wellFormed = document != nil && context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
        if summary == nil, collector.errorCount == 0 {
            report(.xmlSyntax, "the input could not be parsed as an XML document")
        }
        let kept = collector.diagnostics.count
        let total = collector.counts.values.reduce(0, +)
        return XMLParseResult(
            summary: summary,
            diagnostics: collector.diagnostics,
            suppressedDiagnosticCount: total - kept,
            isWellFormed: wellFormed && summary != nil
        )
    }

    /// Receives one structured error from libxml2 and files it with the owning context.
    /// - Parameters:
    ///   - userData: `ctxt->userData`, which is a parser context whose `_private` is the owner: ours, an inner
    ///     context libxml2 made for entity content, or (for context-less errors) the pointer we gave the thread.
    ///   - error: The error.
    private static func handle(userData: UnsafeMutableRawPointer?, error: UnsafePointer<xmlError>?) {
        guard let userData, let error else { return }
        // Entity content is parsed in short-lived inner contexts that inherit our SAX handler and `_private`, so
        // accept any context that points back at an owner, not only our own.
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = context.pointee._private else { return }
        let parser = Unmanaged<DocumentParserContext>.fromOpaque(owner).takeUnretainedValue()
        var diagnostic = LibXML2Error.diagnostic(from: error, source: parser.sourceName)
        if context != parser.context, let input = parser.context.pointee.input {
            // Lines and columns inside entity text mean nothing to a reader of the document: point at the
            // reference instead, where the outer parser stands.
            diagnostic.location?.line = input.pointee.line > 0 ? Int(input.pointee.line) : nil
            diagnostic.location?.column = input.pointee.col > 0 ? Int(input.pointee.col) : nil
        }
        guard diagnostic != parser.lastReported else { return }
        parser.lastReported = diagnostic
        parser.collector.report(diagnostic)
    }

    /// Reads the summary off a parsed document.
    /// - Parameter document: A live document.
    /// - Returns: The summary, or `nil` when the document has no root element.
    private static func summarize(_ document: xmlDocPtr) -> XMLDocumentSummary? {
        guard let root = xmlDocGetRootElement(document), let name = root.pointee.name else { return nil }
        let namespace = root.pointee.ns?.pointee
        return XMLDocumentSummary(
            rootElementName: String(cString: name),
            rootElementPrefix: namespace?.prefix.map { String(cString: $0) },
            rootElementNamespaceURI: namespace?.href.map { String(cString: $0) },
            elementCount: countElements(under: root),
            declaredEncoding: document.pointee.encoding.map { String(cString: $0) },
            xmlVersion: document.pointee.version.map { String(cString: $0) }
        )
    }

    /// Counts the elements in a subtree without recursion (so deep documents cannot overflow the stack).
    ///
    /// Only element children are entered: entity reference nodes share their entity's content, and walking into
    /// them would count (and, for nested entities, multiply) content that is not in the document itself.
    /// - Parameter root: The subtree's root element.
    /// - Returns: The number of elements, `root` included.
    private static func countElements(under root: xmlNodePtr) -> Int {
        var count = 0
        var next: xmlNodePtr? = root
        while let node = next {
            if node.pointee.type == XML_ELEMENT_NODE {
                count += 1
                if let child = node.pointee.children {
                    next = child
                    continue
                }
            }
            next = nil
            var cursor: xmlNodePtr? = node
            while let current = cursor, current != root {
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                cursor = current.pointee.parent
            }
        }
        return count
    }
}
