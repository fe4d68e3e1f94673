internal import CLibXML2
public import MEABridgeCore

/// What ``XMLStreamReader/next(report:)`` arrived at.
public enum XMLStreamEvent: Sendable, Hashable {
    /// An element's start tag (an empty element `<a/>` gives a start and then an end).
    case startElement
    /// An element's end tag.
    case endElement
    /// Character data or a CDATA section; one text node may arrive as several consecutive `text` events.
    case text
    /// The end of the document, or of what could be read of it after a fatal diagnostic.
    case endOfDocument
}

/// Reads an XML document as a stream of events, in bounded memory, with the line, column and XPath of each.
///
/// The reader is a cursor: ``next(report:)`` moves to the next start tag, end tag or run of text, and the
/// properties (``name``, ``nameID``, ``attribute(_:)``, ``text``, ``line``, ``path``, …) describe where it stands.
/// Input is pulled from a `ByteSource` in chunks (``XMLStreamOptions/chunkSize``) and parsed by libxml2's
/// incremental (push) parser through its SAX2 interface, the same parser that libxml2's `xmlTextReader` drives; only
/// the events of one chunk are held at a time, so a document of any size is read in memory bounded by the chunk
/// size and the longest text node (``XMLStreamOptions/maxTextLength``).
///
/// Safety: no network, no external DTD or entity, no expansion of entities declared in the document (a reference
/// to one is an `xml.entity` diagnostic), libxml2's size and depth limits unless
/// ``XMLStreamOptions/allowsHugeDocuments``. The encoding comes from a byte order mark or the XML declaration
/// (UTF-8 by default; UTF-16 with a BOM works); bytes that are not valid in it stop reading with a fatal
/// `xml.encoding` diagnostic.
///
/// Diagnostics (well-formedness, limits and, with a schema, XSD validity) are handed to the `report` closure of
/// ``next(report:)`` in document order, just before the event they precede. Every one carries a line, a column when
/// libxml2 knows it, and the XPath of the element being parsed (`/feed/entry[3]/content/m:properties/d:start`:
/// names as the document spells them, and a position from the second same-named sibling on, since a stream cannot
/// know whether more siblings follow). After a fatal diagnostic the reader reports ``XMLStreamEvent/endOfDocument``.
///
/// With a schema (``init(source:name:options:schema:)``), the document is validated while it is read, by libxml2's
/// streaming XSD validator; validity errors are `xsd.*` diagnostics.
///
/// A class because it owns libxml2's parser context and receives its callbacks; not `Sendable`: one reader reads
/// one document on one thread.
public final class XMLStreamReader {
    /// The name used in diagnostics.
    public let sourceName: String
    let options: XMLStreamOptions
    private let schema: XSDSchema?
    private let input: UnsafeMutableRawBufferPointer
    /// Whether events are queued for the cursor (`false` when the reader only validates).
    let recordsEvents: Bool

    /// The reader's mutable state, kept behind a pointer: the SAX callbacks and the cursor touch it millions of
    /// times per document, and stored properties of a class would pay a dynamic exclusivity check on every access.
    struct State {
        var readChunk: (UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
        var context: xmlParserCtxtPtr?
        var validation: (context: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr?)?
        var started = false
        var finished = false
        var stopped = false
        var events: [Event] = []
        var bytes: [UInt8] = []
        var attributes: [Attribute] = []
        var pending: [(index: Int, diagnostic: Diagnostic)] = []
        var cursor = 0
        var current: Event?
        var entries: [NameEntry] = []
        var entryByPointers: [PointerKey: Int32] = [:]
        var cache = [(key: PointerKey, entry: Int32)?](repeating: nil, count: 256)
        var expandedIDs: [XMLName: Int32] = [:]
        var expandedNames: [XMLName] = []
        var parseStack: [(step: XMLPathStep, expanded: Int32, counterStart: Int)] = []
        var counters: [(expanded: Int32, count: Int32)] = []
        var pendingPop = false
        var cursorStack: [XMLPathStep] = []
        var textRun = 0
        var reported = 0
        var suppressed = 0
        var lastDiagnostic: Diagnostic?
        var sawFatal = false
        /// Set while libxml2 is told that the input has ended.
        var finishing = false
    }

    private let s: UnsafeMutablePointer<State>

    // MARK: Events of the current chunk (filled by the SAX callbacks)

    struct Event {
        var kind: XMLStreamEvent
        var entry: Int32
        var position: Int32
        var line: Int
        var column: Int
        var start: Int
        var count: Int
        var attributeStart: Int
        var attributeCount: Int
    }

    struct Attribute {
        var entry: Int32
        var start: Int
        var count: Int
    }

    // MARK: Names

    struct NameEntry {
        let localName: String
        let prefix: String?
        let qualifiedName: String
        let expanded: Int32
    }

    struct PointerKey: Hashable {
        let local: UnsafeRawPointer?
        let prefix: UnsafeRawPointer?
        let uri: UnsafeRawPointer?
    }

    // MARK: Paths

    /// The elements open at the parser's position, with where their children's sibling counters start.
    /// Per open element (and the document), how many children of each expanded name it has had so far.
    /// An element whose end tag was just parsed stays on `parseStack` until the next callback, so that a validity
    /// error raised at its end tag (after our end callback ran) is still located at it.
    /// The elements open at the cursor.

    /// Creates a reader over a source of bytes; nothing is read until the first ``next(report:)``.
    /// - Parameters:
    ///   - source: The document's bytes.
    ///   - name: The name used in diagnostics (defaults to the source's name).
    ///   - options: Limits and chunk size; the defaults are safe for untrusted input.
    ///   - schema: A compiled schema to validate the document against while reading, if any.
    public convenience init(
        source: some ByteSource,
        name: String? = nil,
        options: XMLStreamOptions = .default,
        schema: XSDSchema? = nil
    ) {
        self.init(source: source, name: name, options: options, schema: schema, recordsEvents: true)
    }

    init(
        source: some ByteSource,
        name: String?,
        options: XMLStreamOptions,
        schema: XSDSchema?,
        recordsEvents: Bool
    ) {
        LibXML2.ensureInitialized()
        var source = source
        self.sourceName = name ?? source.name
        self.options = options
        self.schema = schema
        self.recordsEvents = recordsEvents
        self.input = UnsafeMutableRawBufferPointer.allocate(byteCount: options.chunkSize, alignment: 16)
        s = UnsafeMutablePointer<State>.allocate(capacity: 1)
        s.initialize(to: State(readChunk: { buffer throws(IOFailure) in try source.read(into: buffer) }))
        if recordsEvents {
            s.pointee.events.reserveCapacity(4096)
            s.pointee.bytes.reserveCapacity(options.chunkSize + 4096)
        }
    }

    deinit {
        teardown()
        input.deallocate()
        s.deinitialize(count: 1)
        s.deallocate()
    }

    // MARK: The cursor

    /// Moves to the next event, parsing more input when the events read so far are used up.
    /// - Parameter report: Receives the diagnostics found before that event, in document order.
    /// - Returns: The event the reader now stands at.
    /// - Throws: `IOFailure` when reading the source fails.
    public func next(report: (Diagnostic) -> Void) throws(IOFailure) -> XMLStreamEvent {
        if let current = s.pointee.current {
            if current.kind == .endElement, !s.pointee.cursorStack.isEmpty { s.pointee.cursorStack.removeLast() }
        }
        while s.pointee.cursor >= s.pointee.events.count {
            flushPending(upTo: .max, report: report)
            if s.pointee.finished {
                s.pointee.current = nil
                return .endOfDocument
            }
            s.pointee.events.removeAll(keepingCapacity: true)
            s.pointee.bytes.removeAll(keepingCapacity: true)
            s.pointee.attributes.removeAll(keepingCapacity: true)
            s.pointee.pending.removeAll(keepingCapacity: true)
            s.pointee.cursor = 0
            try parseMore()
        }
        flushPending(upTo: s.pointee.cursor, report: report)
        let event = s.pointee.events[s.pointee.cursor]
        s.pointee.cursor += 1
        s.pointee.current = event
        if event.kind == .startElement {
            s.pointee.cursorStack.append(XMLPathStep(entry: event.entry, position: event.position))
        }
        return event.kind
    }

    /// Reads to the end of the document, discarding events (used to validate).
    /// - Parameter report: Receives every diagnostic.
    /// - Throws: `IOFailure` when reading the source fails.
    func drain(report: (Diagnostic) -> Void) throws(IOFailure) {
        while true {
            flushPending(upTo: .max, report: report)
            if s.pointee.finished { return }
            s.pointee.pending.removeAll(keepingCapacity: true)
            try parseMore()
        }
    }

    private func flushPending(upTo index: Int, report: (Diagnostic) -> Void) {
        guard !s.pointee.pending.isEmpty else { return }
        var delivered = 0
        for item in s.pointee.pending where item.index <= index {
            report(item.diagnostic)
            delivered += 1
        }
        if delivered > 0 { s.pointee.pending.removeFirst(delivered) }
    }

    /// The kind of event the reader stands at, or `nil` before the first and after the last.
    public var event: XMLStreamEvent? { s.pointee.current?.kind }

    /// The expanded name of the element at a start or end tag.
    public var name: XMLName? {
        guard let current = s.pointee.current, current.kind != .text else { return nil }
        return s.pointee.expandedNames[Int(s.pointee.entries[Int(current.entry)].expanded)]
    }

    /// The element's name as the document spells it (`d:title`, `entry`).
    public var qualifiedName: String? {
        guard let current = s.pointee.current, current.kind != .text else { return nil }
        return s.pointee.entries[Int(current.entry)].qualifiedName
    }

    /// The id of the element's expanded name at a start or end tag, for comparing with ids from ``id(of:)``.
    public var nameID: XMLNameID? {
        guard let current = s.pointee.current, current.kind != .text else { return nil }
        return XMLNameID(rawValue: s.pointee.entries[Int(current.entry)].expanded)
    }

    /// Whether the reader stands at a start tag of the element named by `id`.
    /// - Parameter id: The name's id.
    /// - Returns: `true` at such a start tag.
    public func isStart(_ id: XMLNameID) -> Bool {
        guard let current = s.pointee.current, current.kind == .startElement else { return false }
        return s.pointee.entries[Int(current.entry)].expanded == id.rawValue
    }

    /// The id standing for a name in this reader (the same name always gets the same id).
    /// - Parameter name: The expanded name.
    /// - Returns: Its id.
    public func id(of name: XMLName) -> XMLNameID {
        XMLNameID(rawValue: expandedID(name))
    }

    /// The 1-based line of the event: where a start tag begins, where an end tag or a run of text ends.
    public var line: Int { s.pointee.current?.line ?? 0 }

    /// The 1-based column of the event (counted in characters, as libxml2 counts), or `nil` when unknown.
    public var column: Int? {
        guard let current = s.pointee.current, current.column > 0 else { return nil }
        return current.column
    }

    /// How many elements are open at the reader's position (1 inside the root element's start tag).
    public var depth: Int { s.pointee.cursorStack.count }

    /// The local name of the element at a start or end tag (no allocation for the usual short names).
    public var localName: String? {
        guard let current = s.pointee.current, current.kind != .text else { return nil }
        return s.pointee.entries[Int(current.entry)].localName
    }

    /// The last step of ``pathSteps``: the current element's name and position among its siblings.
    public var currentStep: XMLPathStep? { s.pointee.cursorStack.last }

    /// The path of the current element (of the text's parent for text) as steps, cheap to keep.
    public var pathSteps: [XMLPathStep] { s.pointee.cursorStack }

    /// The XPath of the current element (of the text's parent for text): `/feed/entry[2]/content/m:properties`.
    public var path: String { path(of: s.pointee.cursorStack) }

    /// Renders path steps recorded from this reader as an XPath.
    /// - Parameter steps: The steps, outermost first.
    /// - Returns: The path, `/` for none.
    public func path(of steps: some Sequence<XMLPathStep>) -> String {
        var text = ""
        for step in steps {
            text += "/" + s.pointee.entries[Int(step.entry)].qualifiedName
            if step.position > 1 { text += "[\(step.position)]" }
        }
        return text.isEmpty ? "/" : text
    }

    /// Where the reader stands, as a diagnostic location (line, column and XPath).
    public var location: SourceLocation {
        SourceLocation(source: sourceName, line: line > 0 ? line : nil, column: column, path: path)
    }

    /// The text of a text event (decoded to UTF-8, entities and character references replaced).
    public var text: String {
        guard let current = s.pointee.current, current.kind == .text else { return "" }
        return string(current.start, current.count)
    }

    /// Calls `body` with the UTF-8 bytes of a text event (empty for other events), without making a string.
    /// - Parameter body: Receives the bytes, valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let current = s.pointee.current, current.kind == .text else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try s.pointee.bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[current.start..<current.start + current.count]))
        }
    }

    /// Whether a text event holds only spaces, tabs and line breaks.
    public var isWhitespace: Bool {
        guard let current = s.pointee.current, current.kind == .text else { return false }
        return s.pointee.bytes[current.start..<current.start + current.count].allSatisfy {
            $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D
        }
    }

    /// The value of an attribute of the element at a start tag, by name id.
    /// - Parameter id: The attribute's name id (from ``id(of:)``).
    /// - Returns: The value, or `nil` when the element has no such attribute.
    public func attribute(_ id: XMLNameID) -> String? {
        guard let current = s.pointee.current, current.kind == .startElement else { return nil }
        for index in current.attributeStart..<current.attributeStart + current.attributeCount {
            let attribute = s.pointee.attributes[index]
            if s.pointee.entries[Int(attribute.entry)].expanded == id.rawValue {
                return string(attribute.start, attribute.count)
            }
        }
        return nil
    }

    /// The value of an attribute of the element at a start tag, by name.
    /// - Parameter name: The attribute's expanded name (attributes without a prefix are in no namespace).
    /// - Returns: The value, or `nil`.
    public func attribute(_ name: XMLName) -> String? {
        guard let id = s.pointee.expandedIDs[name] else { return nil }
        return attribute(XMLNameID(rawValue: id))
    }

    /// The attributes of the element at a start tag, in document order (namespace declarations left out).
    public var attributeList: [(name: XMLName, value: String)] {
        guard let current = s.pointee.current, current.kind == .startElement else { return [] }
        return s.pointee.attributes[current.attributeStart..<current.attributeStart + current.attributeCount].map {
            (s.pointee.expandedNames[Int(s.pointee.entries[Int($0.entry)].expanded)], string($0.start, $0.count))
        }
    }

    /// Reads the text content of the element at a start tag (the text of its descendants too) and moves to its end
    /// tag.
    /// - Parameters:
    ///   - report: Receives diagnostics found on the way.
    ///   - sawElement: Set to `true` when the element has child elements.
    /// - Returns: The text.
    /// - Throws: `IOFailure` when reading the source fails.
    public func readText(report: (Diagnostic) -> Void, sawElement: inout Bool) throws(IOFailure) -> String {
        guard s.pointee.current?.kind == .startElement else { return "" }
        let depth = s.pointee.cursorStack.count
        // One text event (the usual case) becomes a string directly; several are joined. An event's bytes live only
        // until its batch of events is used up, so a kept piece is copied before the cursor leaves the batch.
        var collected: [UInt8] = []
        var single: (start: Int, count: Int)?
        while true {
            if let first = single, s.pointee.cursor >= s.pointee.events.count {
                collected.append(contentsOf: s.pointee.bytes[first.start..<first.start + first.count])
                single = nil
            }
            switch try next(report: report) {
            case .text:
                guard let event = s.pointee.current else { continue }
                if single == nil && collected.isEmpty {
                    single = (event.start, event.count)
                } else {
                    if let first = single {
                        collected.append(contentsOf: s.pointee.bytes[first.start..<first.start + first.count])
                        single = nil
                    }
                    collected.append(contentsOf: s.pointee.bytes[event.start..<event.start + event.count])
                }
            case .startElement:
                sawElement = true
            case .endElement:
                if s.pointee.cursorStack.count == depth {
                    if let first = single { return string(first.start, first.count) }
                    return String(decoding: collected, as: UTF8.self)
                }
            case .endOfDocument:
                return String(decoding: collected, as: UTF8.self)
            }
        }
    }

    /// Skips the element at a start tag, with everything in it, and moves to its end tag.
    /// - Parameter report: Receives diagnostics found on the way.
    /// - Throws: `IOFailure` when reading the source fails.
    public func skipElement(report: (Diagnostic) -> Void) throws(IOFailure) {
        guard s.pointee.current?.kind == .startElement else { return }
        let depth = s.pointee.cursorStack.count
        while true {
            switch try next(report: report) {
            case .endElement where s.pointee.cursorStack.count == depth: return
            case .endOfDocument: return
            default: continue
            }
        }
    }

    private func string(_ start: Int, _ count: Int) -> String {
        s.pointee.bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + count]), as: UTF8.self)
        }
    }

    // MARK: Parsing

    private func parseMore() throws(IOFailure) {
        if !s.pointee.started {
            s.pointee.started = true
            try start()
            return
        }
        guard let context = s.pointee.context, !s.pointee.stopped else {
            finish()
            return
        }
        let count: Int
        do {
            count = try s.pointee.readChunk(input)
        } catch {
            finish()
            throw error
        }
        if count == 0 {
            s.pointee.finishing = true
            routingContextlessErrors {
                _ = xmlParseChunk(context, nil, 0, 1)
            }
            finish()
            return
        }
        push(UnsafeRawBufferPointer(rebasing: input[..<count]), into: context)
    }

    private func push(_ chunk: UnsafeRawBufferPointer, into context: xmlParserCtxtPtr) {
        guard let base = chunk.baseAddress else { return }
        routingContextlessErrors {
            _ = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
        }
        if s.pointee.stopped { finish() }
    }

    /// Reads the first chunk, creates the push parser on its first bytes (so libxml2 detects the encoding from a
    /// byte order mark or the XML declaration), plugs in the validator, and parses the rest of the chunk.
    private func start() throws(IOFailure) {
        var filled = 0
        do {
            while filled < 4 {
                let count = try s.pointee.readChunk(UnsafeMutableRawBufferPointer(rebasing: input[filled...]))
                if count == 0 { break }
                filled += count
            }
        } catch {
            s.pointee.finished = true
            throw error
        }
        if filled == 0 {
            queue(
                Diagnostic(
                    id: .xmlSyntax,
                    severity: .fatal,
                    message: "the input is empty: an XML document needs a root element",
                    location: SourceLocation(source: sourceName, line: 1, column: 1)
                )
            )
            s.pointee.finished = true
            return
        }
        var handler = xmlSAXHandler()
        handler.initialized = clibxml2_sax2_magic()
        handler.startElementNs = { userData, localName, prefix, uri, _, _, attributeCount, _, attributes in
            XMLStreamReader.owner(userData)?.startElement(localName, prefix, uri, attributeCount, attributes)
        }
        handler.endElementNs = { userData, _, _, _ in
            XMLStreamReader.owner(userData)?.endElement()
        }
        handler.characters = { userData, characters, length in
            XMLStreamReader.owner(userData)?.characters(characters, length)
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.serror = { _, error in
            // libxml2 passes `ctxt->userData` here, which is the schema plug once a validator is plugged in; the
            // parser context in the error itself leads back to this reader through `_private`.
            guard let error, let parser = error.pointee.ctxt else { return }
            let context = parser.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            Unmanaged<XMLStreamReader>.fromOpaque(owner).takeUnretainedValue().parserError(UnsafePointer(error))
        }
        let opaque = Unmanaged.passUnretained(self).toOpaque()
        let head = min(filled, 4)
        guard
            let context = input.baseAddress.flatMap({ base in
                xmlCreatePushParserCtxt(
                    &handler,
                    opaque,
                    base.assumingMemoryBound(to: CChar.self),
                    Int32(head),
                    sourceName
                )
            })
        else {
            queue(
                Diagnostic(
                    id: .xmlLimit,
                    severity: .fatal,
                    message: "libxml2 could not allocate a parser context",
                    location: SourceLocation(source: sourceName)
                )
            )
            s.pointee.finished = true
            return
        }
        s.pointee.context = context
        context.pointee._private = opaque
        _ = xmlCtxtUseOptions(context, options.libxml2Flags)
        if let schema {
            guard let validation = xmlSchemaNewValidCtxt(schema.schema) else {
                queue(
                    Diagnostic(
                        id: .xmlLimit,
                        severity: .fatal,
                        message: "libxml2 could not allocate a schema validation context",
                        location: SourceLocation(source: sourceName)
                    )
                )
                s.pointee.finished = true
                return
            }
            xmlSchemaSetValidStructuredErrors(
                validation,
                { userData, error in
                    guard let userData, let error else { return }
                    Unmanaged<XMLStreamReader>.fromOpaque(userData).takeUnretainedValue()
                        .validityError(UnsafePointer(error))
                },
                opaque
            )
            let plug = withUnsafeMutablePointer(to: &context.pointee.sax) { sax in
                withUnsafeMutablePointer(to: &context.pointee.userData) { userData in
                    xmlSchemaSAXPlug(validation, sax, userData)
                }
            }
            s.pointee.validation = (validation, plug)
        }
        if filled > head {
            push(UnsafeRawBufferPointer(rebasing: input[head..<filled]), into: context)
        }
    }

    private func finish() {
        s.pointee.finished = true
        applyPendingPop()
        teardown()
    }

    private func teardown() {
        if let validation = s.pointee.validation {
            if let plug = validation.plug { _ = xmlSchemaSAXUnplug(plug) }
            xmlSchemaFreeValidCtxt(validation.context)
            s.pointee.validation = nil
        }
        if let context = s.pointee.context {
            context.pointee._private = nil
            xmlFreeParserCtxt(context)
            s.pointee.context = nil
        }
    }

    /// Runs `body` with the thread's structured error handler pointed at this reader, then restores it: libxml2 2.9
    /// reports some encoding and I/O errors without a parser context, through that handler only.
    private func routingContextlessErrors(_ body: () -> Void) {
        let previousHandler = clibxml2_thread_structured_error()
        let previousContext = clibxml2_thread_structured_error_context()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLStreamReader>.fromOpaque(userData).takeUnretainedValue().parserError(UnsafePointer(error))
        }
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        body()
    }

    private static func owner(_ userData: UnsafeMutableRawPointer?) -> XMLStreamReader? {
        guard let userData else { return nil }
        return Unmanaged<XMLStreamReader>.fromOpaque(userData).takeUnretainedValue()
    }

    // MARK: SAX callbacks

    private func startElement(
        _ localName: UnsafePointer<xmlChar>?,
        _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?,
        _ attributeCount: Int32,
        _ attributeArray: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        applyPendingPop()
        s.pointee.textRun = 0
        let entry = self.entry(localName, prefix, uri)
        let expanded = s.pointee.entries[Int(entry)].expanded
        // The position among the parent's children of the same name.
        let parentStart = s.pointee.parseStack.last?.counterStart ?? 0
        var position: Int32 = 1
        var found = false
        var index = parentStart
        while index < s.pointee.counters.count {
            if s.pointee.counters[index].expanded == expanded {
                s.pointee.counters[index].count += 1
                position = s.pointee.counters[index].count
                found = true
                break
            }
            index += 1
        }
        if !found { s.pointee.counters.append((expanded, 1)) }
        let step = XMLPathStep(entry: entry, position: position)
        s.pointee.parseStack.append((step, expanded, s.pointee.counters.count))
        guard recordsEvents else { return }
        let (line, column) = startTagPosition()
        let attributeStart = s.pointee.attributes.count
        if attributeCount > 0, let attributeArray {
            for index in 0..<Int(attributeCount) {
                let base = index * 5
                let name = self.entry(attributeArray[base], attributeArray[base + 1], attributeArray[base + 2])
                guard let value = attributeArray[base + 3], let end = attributeArray[base + 4] else { continue }
                let start = s.pointee.bytes.count
                let raw = UnsafeBufferPointer(start: value, count: value.distance(to: end))
                if raw.contains(UInt8(ascii: "&")) {
                    // Without entity substitution, libxml2 hands over an `&` of an attribute value (from `&amp;` or
                    // `&#38;`) as the text `&#38;`, to be decoded by its tree builder; decode it here.
                    s.pointee.bytes.append(contentsOf: Self.decodingAmpersands(raw))
                } else {
                    s.pointee.bytes.append(contentsOf: raw)
                }
                s.pointee.attributes.append(Attribute(entry: name, start: start, count: s.pointee.bytes.count - start))
            }
        }
        s.pointee.events.append(
            Event(
                kind: .startElement,
                entry: entry,
                position: position,
                line: line,
                column: column,
                start: 0,
                count: 0,
                attributeStart: attributeStart,
                attributeCount: s.pointee.attributes.count - attributeStart
            )
        )
    }

    private func endElement() {
        applyPendingPop()
        s.pointee.textRun = 0
        s.pointee.pendingPop = true
        guard recordsEvents, let top = s.pointee.parseStack.last else { return }
        let (line, column) = parserPosition()
        s.pointee.events.append(
            Event(
                kind: .endElement,
                entry: top.step.entry,
                position: top.step.position,
                line: line,
                column: column,
                start: 0,
                count: 0,
                attributeStart: 0,
                attributeCount: 0
            )
        )
    }

    private func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        applyPendingPop()
        guard let characters, length > 0 else { return }
        s.pointee.textRun += Int(length)
        if s.pointee.textRun > options.maxTextLength {
            s.pointee.textRun = 0
            fatal(
                .xmlLimit,
                "a text node is longer than \(options.maxTextLength) bytes, the limit for untrusted input; reading "
                    + "stopped"
            )
            return
        }
        guard recordsEvents else { return }
        if let last = s.pointee.events.last, last.kind == .text {
            s.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: Int(length)))
            s.pointee.events[s.pointee.events.count - 1].count += Int(length)
            return
        }
        let (line, column) = parserPosition()
        let start = s.pointee.bytes.count
        s.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: characters, count: Int(length)))
        s.pointee.events.append(
            Event(
                kind: .text,
                entry: -1,
                position: 0,
                line: line,
                column: column,
                start: start,
                count: Int(length),
                attributeStart: 0,
                attributeCount: 0
            )
        )
    }

    static func decodingAmpersands(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let encoded = Array("&#38;".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&"), index + encoded.count <= raw.count,
                raw[index..<index + encoded.count].elementsEqual(encoded)
            {
                result.append(UInt8(ascii: "&"))
                index += encoded.count
            } else {
                result.append(raw[index])
                index += 1
            }
        }
        return result
    }

    private func applyPendingPop() {
        guard s.pointee.pendingPop else { return }
        s.pointee.pendingPop = false
        if let top = s.pointee.parseStack.popLast() {
            s.pointee.counters.removeSubrange(top.counterStart...)
        }
    }

    /// The line and column of the start tag being reported: libxml2 calls back with its input at the tag's end
    /// (`>` or `/>`), so step back over the tag to its `<`, which is still in the input buffer.
    private func startTagPosition() -> (line: Int, column: Int) {
        guard let input = s.pointee.context?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base
        else {
            return parserPosition()
        }
        var line = Int(input.pointee.line)
        var column = Int(input.pointee.col)
        var pointer = cur
        var characters = 0
        var newlines = 0
        while pointer > base {
            pointer -= 1
            let byte = pointer.pointee
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x0A { newlines += 1 }
            if byte == UInt8(ascii: "<") { break }
        }
        guard pointer.pointee == UInt8(ascii: "<") else { return (line, column) }
        if newlines == 0 {
            column = max(1, column - characters)
        } else {
            line -= newlines
            column = 0
        }
        return (line, column)
    }

    private func parserPosition() -> (line: Int, column: Int) {
        guard let input = s.pointee.context?.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    // MARK: Names

    private func entry(
        _ localName: UnsafePointer<xmlChar>?,
        _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?
    ) -> Int32 {
        let key = PointerKey(
            local: UnsafeRawPointer(localName),
            prefix: UnsafeRawPointer(prefix),
            uri: UnsafeRawPointer(uri)
        )
        let slot = (Int(bitPattern: key.local) >> 4 ^ Int(bitPattern: key.uri) >> 6) & 255
        if let cached = s.pointee.cache[slot], cached.key == key { return cached.entry }
        if let known = s.pointee.entryByPointers[key] {
            s.pointee.cache[slot] = (key, known)
            return known
        }
        let local = localName.map { String(cString: $0) } ?? ""
        let prefixText = prefix.map { String(cString: $0) }
        let namespace = uri.map { String(cString: $0) }
        let expanded = expandedID(XMLName(namespace, local))
        let entry = Int32(s.pointee.entries.count)
        s.pointee.entries.append(
            NameEntry(
                localName: local,
                prefix: prefixText,
                qualifiedName: prefixText.map { "\($0):\(local)" } ?? local,
                expanded: expanded
            )
        )
        s.pointee.entryByPointers[key] = entry
        s.pointee.cache[slot] = (key, entry)
        return entry
    }

    private func expandedID(_ name: XMLName) -> Int32 {
        if let id = s.pointee.expandedIDs[name] { return id }
        let id = Int32(s.pointee.expandedNames.count)
        s.pointee.expandedNames.append(name)
        s.pointee.expandedIDs[name] = id
        return id
    }

    // MARK: Diagnostics

    /// The XPath of the element the parser is in (or has just closed).
    private var parsePath: String {
        path(of: s.pointee.parseStack.lazy.map(\.step))
    }

    private func parserError(_ error: UnsafePointer<xmlError>) {
        // A well-formedness error concerns the element the parser is in, not one whose end tag it has just read.
        applyPendingPop()
        var diagnostic = LibXML2Error.diagnostic(from: error, source: sourceName)
        if diagnostic.location?.line == nil, let line = s.pointee.context?.pointee.input?.pointee.line, line > 0 {
            diagnostic.location?.line = Int(line)
        }
        if !s.pointee.parseStack.isEmpty {
            diagnostic.location?.path = parsePath
            if error.pointee.code == Int32(XML_ERR_DOCUMENT_END.rawValue), s.pointee.finishing,
                let open = s.pointee.parseStack.last
            {
                // libxml2's push parser says "Extra content at the end of the document" when the input stops
                // inside an element.
                let name = s.pointee.entries[Int(open.step.entry)].qualifiedName
                diagnostic.message =
                    "the input ends inside <\(name)>: the document is truncated, or an end tag is "
                    + "missing"
            }
        }
        if diagnostic.severity == .fatal {
            s.pointee.sawFatal = true
            stopParsing()
        }
        queue(diagnostic)
    }

    private func validityError(_ error: UnsafePointer<xmlError>) {
        let value = error.pointee
        let message = value.message.map { LibXML2Error.oneLine(String(cString: $0)) } ?? "XSD validity error"
        var location = SourceLocation(source: sourceName)
        if let input = s.pointee.context?.pointee.input {
            location.line = Int(input.pointee.line)
        } else if value.line > 0 {
            location.line = Int(value.line)
        }
        location.path = parsePath
        let severity: Severity = value.level == XML_ERR_WARNING ? .warning : .error
        queue(Diagnostic(id: Self.xsdID(code: value.code), severity: severity, message: message, location: location))
    }

    /// The diagnostic id for an XSD validity error code (`xmlParserErrors`, `XML_SCHEMAV_*`).
    static func xsdID(code: Int32) -> DiagnosticID {
        switch code {
        case 1822...1840, 1874, 1875, 1876: .xsdValue
        case 1814, 1820, 1821, 1861...1868: .xsdAttribute
        case 1801...1815, 1841...1860, 1869...1873, 1878: .xsdContent
        default: .xsdInvalid
        }
    }

    private func fatal(_ id: DiagnosticID, _ message: String) {
        s.pointee.sawFatal = true
        let (line, column) = parserPosition()
        queue(
            Diagnostic(
                id: id,
                severity: .fatal,
                message: message,
                location: SourceLocation(
                    source: sourceName,
                    line: line > 0 ? line : nil,
                    column: column > 0 ? column : nil,
                    path: s.pointee.parseStack.isEmpty ? nil : parsePath
                )
            )
        )
        stopParsing()
    }

    private func stopParsing() {
        guard !s.pointee.stopped else { return }
        s.pointee.stopped = true
        if let context = s.pointee.context { xmlStopParser(context) }
    }

    /// Whether the document was read without a fatal diagnostic (so far).
    public var isWellFormed: Bool { !s.pointee.sawFatal }

    private func queue(_ diagnostic: Diagnostic) {
        // libxml2 2.9 reports some encoding errors twice in a row.
        guard diagnostic != s.pointee.lastDiagnostic else { return }
        s.pointee.lastDiagnostic = diagnostic
        if s.pointee.reported >= options.diagnosticLimit {
            s.pointee.suppressed += 1
            if !recordsEvents { stopParsing() }
            return
        }
        s.pointee.reported += 1
        s.pointee.pending.append((s.pointee.events.count, diagnostic))
    }

    /// How many diagnostics were found beyond ``XMLStreamOptions/diagnosticLimit`` and not reported.
    public var suppressedDiagnosticCount: Int { s.pointee.suppressed }
}
