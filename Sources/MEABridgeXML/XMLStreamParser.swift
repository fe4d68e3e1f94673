internal import CLibXML2
internal import MEABridgeCore

/// One event of a batch: its kind, its name entry and sibling position (elements), where it is, and where its text
/// and attributes are in the batch's byte arena.
struct StreamEvent {
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

/// An attribute of a start tag: its name entry and where its value is in the batch's byte arena.
struct StreamAttribute {
    var entry: Int32
    var start: Int
    var count: Int
}

/// A name as the parser first met it, handed to the cursor with the batch that first uses it.
struct ParsedName {
    var localName: String
    var namespaceURI: String?
    var qualifiedName: String
}

/// What one chunk of input gave: its events, their bytes, the diagnostics found among them, the names first seen,
/// and whether the document ended (or reading failed) with it.
struct EventBatch {
    var events: [StreamEvent] = []
    var bytes = ByteArena()
    var attributes: [StreamAttribute] = []
    /// Diagnostics with the index of the event they come before.
    var pending: [(index: Int, diagnostic: Diagnostic)] = []
    var newNames: [ParsedName] = []
    var finished = false
    var failure: IOFailure?
    /// Running totals of the parse, as of the end of this batch.
    var suppressed = 0
    var sawFatal = false

    /// Empties the batch, keeping its memory for the next chunk.
    mutating func reset() {
        events.removeAll(keepingCapacity: true)
        bytes.count = 0
        attributes.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        newNames.removeAll(keepingCapacity: true)
        finished = false
        failure = nil
    }

    /// Frees the byte arena (the arrays free themselves).
    mutating func release() { bytes.deallocate() }
}

/// Everything the parsing side owns: libxml2's contexts, the batch being filled, the names, the open elements.
///
/// It lives behind a pointer, which is libxml2's user data for the SAX callbacks, and is touched by one thread at a
/// time (the parsing thread once it runs).
struct ParseState {
    let sourceName: String
    let options: XMLStreamOptions
    let schema: XSDSchema?
    let recordsEvents: Bool
    var readChunk: (UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
    let input: UnsafeMutableRawBufferPointer
    var context: xmlParserCtxtPtr?
    var validation: (context: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr?)?
    var started = false
    var finished = false
    var stopped = false
    /// Set while libxml2 is told that the input has ended.
    var finishing = false
    var batch = EventBatch()
    var lastEventIsText = false

    struct Name {
        let qualifiedName: String
        let expanded: Int32
    }

    struct PointerKey: Hashable {
        let local: UnsafeRawPointer?
        let prefix: UnsafeRawPointer?
        let uri: UnsafeRawPointer?
    }

    var names: [Name] = []
    var nameByPointers: [PointerKey: Int32] = [:]
    var cache = [(key: PointerKey, entry: Int32)?](repeating: nil, count: 1024)
    var expandedIDs: [XMLName: Int32] = [:]

    /// The elements open at the parser's position, with where their children's sibling counters start.
    var parseStack: [(step: XMLPathStep, counterStart: Int)] = []
    /// Per open element (and the document), how many children of each expanded name it has had so far.
    var counters: [(expanded: Int32, count: Int32)] = []
    /// An element whose end tag was just parsed stays on `parseStack` until the next callback, so that a validity
    /// error raised at its end tag (after the end callback ran) is still located at it.
    var pendingPop = false
    var textRun = 0
    var reported = 0
    var suppressed = 0
    var lastDiagnostic: Diagnostic?
    var sawFatal = false

    init(
        sourceName: String,
        options: XMLStreamOptions,
        schema: XSDSchema?,
        recordsEvents: Bool,
        readChunk: @escaping (UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
    ) {
        self.sourceName = sourceName
        self.options = options
        self.schema = schema
        self.recordsEvents = recordsEvents
        self.readChunk = readChunk
        self.input = UnsafeMutableRawBufferPointer.allocate(byteCount: options.chunkSize, alignment: 16)
        if recordsEvents {
            batch.events.reserveCapacity(4096)
            batch.bytes.reserve(options.chunkSize + 4096)
        }
    }
}

/// The parsing side: feeds libxml2's push parser one chunk at a time and turns its SAX2 callbacks into events.
///
/// A thin wrapper over the state pointer, so the callbacks (which get the pointer as libxml2 user data) and the
/// parsing thread use it without touching the `XMLStreamReader` object.
struct StreamParser: @unchecked Sendable {
    // `@unchecked Sendable`: the state is handed to the parsing thread when it starts and handed back when it is
    // joined; in between only that thread touches it.
    let state: UnsafeMutablePointer<ParseState>

    /// Parses the next chunk of input into `state.batch` (the first call also creates the parser); sets the batch's
    /// `finished` at the end of the document, after a fatal error or when reading fails.
    func parseMore() {
        if !state.pointee.started {
            state.pointee.started = true
            start()
        } else if let context = state.pointee.context, !state.pointee.stopped {
            let count: Int
            do {
                count = try state.pointee.readChunk(state.pointee.input)
            } catch {
                state.pointee.batch.failure = error
                finish()
                return sealBatch()
            }
            if count == 0 {
                state.pointee.finishing = true
                routingContextlessErrors {
                    _ = xmlParseChunk(context, nil, 0, 1)
                }
                finish()
            } else {
                push(UnsafeRawBufferPointer(rebasing: state.pointee.input[..<count]), into: context)
            }
        } else {
            finish()
        }
        sealBatch()
    }

    private func sealBatch() {
        state.pointee.batch.finished = state.pointee.finished
        state.pointee.batch.suppressed = state.pointee.suppressed
        state.pointee.batch.sawFatal = state.pointee.sawFatal
        state.pointee.lastEventIsText = false
    }

    private func push(_ chunk: UnsafeRawBufferPointer, into context: xmlParserCtxtPtr) {
        guard let base = chunk.baseAddress else { return }
        routingContextlessErrors {
            _ = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
        }
        if state.pointee.stopped { finish() }
    }

    /// Reads the first chunk, creates the push parser on its first bytes (so libxml2 detects the encoding from a
    /// byte order mark or the XML declaration), plugs in the validator, and parses the rest of the chunk.
    private func start() {
        LibXML2.ensureInitialized()
        let input = state.pointee.input
        var filled = 0
        do {
            while filled < 4 {
                let count = try state.pointee.readChunk(UnsafeMutableRawBufferPointer(rebasing: input[filled...]))
                if count == 0 { break }
                filled += count
            }
        } catch {
            state.pointee.batch.failure = error
            state.pointee.finished = true
            return
        }
        let sourceName = state.pointee.sourceName
        if filled == 0 {
            queue(
                Diagnostic(
                    id: .xmlSyntax,
                    severity: .fatal,
                    message: "the input is empty: an XML document needs a root element",
                    location: SourceLocation(source: sourceName, line: 1, column: 1)
                )
            )
            state.pointee.finished = true
            return
        }
        var handler = xmlSAXHandler()
        handler.initialized = clibxml2_sax2_magic()
        handler.startElementNs = { userData, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let userData else { return }
            StreamParser(state: userData.assumingMemoryBound(to: ParseState.self))
                .startElement(localName, prefix, uri, attributeCount, attributes)
        }
        handler.endElementNs = { userData, _, _, _ in
            guard let userData else { return }
            StreamParser(state: userData.assumingMemoryBound(to: ParseState.self)).endElement()
        }
        handler.characters = { userData, characters, length in
            guard let userData else { return }
            StreamParser(state: userData.assumingMemoryBound(to: ParseState.self)).characters(characters, length)
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.serror = { _, error in
            // libxml2 passes `ctxt->userData` here, which is the schema plug once a validator is plugged in; the
            // parser context in the error itself leads back to the state through `_private`.
            guard let error, let parser = error.pointee.ctxt else { return }
            let context = parser.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            StreamParser(state: owner.assumingMemoryBound(to: ParseState.self)).parserError(UnsafePointer(error))
        }
        let opaque = UnsafeMutableRawPointer(state)
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
            fatal(.xmlLimit, "libxml2 could not allocate a parser context")
            state.pointee.finished = true
            return
        }
        state.pointee.context = context
        context.pointee._private = opaque
        _ = xmlCtxtUseOptions(context, state.pointee.options.libxml2Flags)
        if let schema = state.pointee.schema {
            guard let validation = xmlSchemaNewValidCtxt(schema.schema) else {
                fatal(.xmlLimit, "libxml2 could not allocate a schema validation context")
                finish()
                return
            }
            xmlSchemaSetValidStructuredErrors(
                validation,
                { userData, error in
                    guard let userData, let error else { return }
                    StreamParser(state: userData.assumingMemoryBound(to: ParseState.self))
                        .validityError(UnsafePointer(error))
                },
                opaque
            )
            let plug = withUnsafeMutablePointer(to: &context.pointee.sax) { sax in
                withUnsafeMutablePointer(to: &context.pointee.userData) { userData in
                    xmlSchemaSAXPlug(validation, sax, userData)
                }
            }
            state.pointee.validation = (validation, plug)
        }
        if filled > head {
            push(UnsafeRawBufferPointer(rebasing: input[head..<filled]), into: context)
        }
    }

    private func finish() {
        state.pointee.finished = true
        applyPendingPop()
        teardown()
    }

    /// Frees libxml2's contexts (idempotent).
    func teardown() {
        if let validation = state.pointee.validation {
            if let plug = validation.plug { _ = xmlSchemaSAXUnplug(plug) }
            xmlSchemaFreeValidCtxt(validation.context)
            state.pointee.validation = nil
        }
        if let context = state.pointee.context {
            context.pointee._private = nil
            xmlFreeParserCtxt(context)
            state.pointee.context = nil
        }
    }

    /// Runs `body` with the thread's structured error handler pointed at this parser, then restores it: libxml2 2.9
    /// reports some encoding and I/O errors without a parser context, through that handler only.
    private func routingContextlessErrors(_ body: () -> Void) {
        LibXML2.withThreadStructuredErrors(
            context: UnsafeMutableRawPointer(state),
            handler: { userData, error in
                guard let userData, let error else { return }
                StreamParser(state: userData.assumingMemoryBound(to: ParseState.self)).parserError(UnsafePointer(error))
            },
            body
        )
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
        state.pointee.textRun = 0
        if state.pointee.parseStack.count >= state.pointee.options.maxDepth {
            fatal(
                .xmlLimit,
                "elements are nested deeper than \(state.pointee.options.maxDepth), the limit for untrusted input; "
                    + "reading stopped"
            )
            return
        }
        let entry = self.entry(localName, prefix, uri)
        let expanded = state.pointee.names[Int(entry)].expanded
        // The position among the parent's children of the same name.
        let parentStart = state.pointee.parseStack.last?.counterStart ?? 0
        var position: Int32 = 1
        var found = false
        var index = parentStart
        let end = state.pointee.counters.count
        while index < end {
            if state.pointee.counters[index].expanded == expanded {
                state.pointee.counters[index].count += 1
                position = state.pointee.counters[index].count
                found = true
                break
            }
            index += 1
        }
        if !found { state.pointee.counters.append((expanded, 1)) }
        let step = XMLPathStep(entry: entry, position: position)
        state.pointee.parseStack.append((step, state.pointee.counters.count))
        guard state.pointee.recordsEvents else { return }
        let (line, column) = startTagPosition()
        let attributeStart = state.pointee.batch.attributes.count
        if attributeCount > 0, let attributeArray {
            for index in 0..<Int(attributeCount) {
                let base = index * 5
                let name = self.entry(attributeArray[base], attributeArray[base + 1], attributeArray[base + 2])
                guard let value = attributeArray[base + 3], let end = attributeArray[base + 4] else { continue }
                let start = state.pointee.batch.bytes.count
                let raw = UnsafeBufferPointer(start: value, count: value.distance(to: end))
                if raw.contains(UInt8(ascii: "&")) {
                    // Without entity substitution, libxml2 hands over an `&` of an attribute value (from `&amp;` or
                    // `&#38;`) as the text `&#38;`, to be decoded by its tree builder; decode it here.
                    let decoded = Self.decodingAmpersands(raw)
                    decoded.withUnsafeBufferPointer { state.pointee.batch.bytes.append($0) }
                } else {
                    state.pointee.batch.bytes.append(raw)
                }
                state.pointee.batch.attributes.append(
                    StreamAttribute(entry: name, start: start, count: state.pointee.batch.bytes.count - start)
                )
            }
        }
        state.pointee.batch.events.append(
            StreamEvent(
                kind: .startElement,
                entry: entry,
                position: position,
                line: line,
                column: column,
                start: 0,
                count: 0,
                attributeStart: attributeStart,
                attributeCount: state.pointee.batch.attributes.count - attributeStart
            )
        )
        state.pointee.lastEventIsText = false
    }

    private func endElement() {
        applyPendingPop()
        state.pointee.textRun = 0
        state.pointee.pendingPop = true
        guard state.pointee.recordsEvents, let top = state.pointee.parseStack.last else { return }
        let (line, column) = parserPosition()
        state.pointee.batch.events.append(
            StreamEvent(
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
        state.pointee.lastEventIsText = false
    }

    private func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        // The hottest callback (libxml2 hands text over in pieces of a few hundred bytes): kept to a few plain
        // memory operations.
        if state.pointee.pendingPop { applyPendingPop() }
        guard let characters, length > 0 else { return }
        let count = Int(length)
        state.pointee.textRun &+= count
        if state.pointee.textRun > state.pointee.options.maxTextLength {
            state.pointee.textRun = 0
            fatal(
                .xmlLimit,
                "a text node is longer than \(state.pointee.options.maxTextLength) bytes, the limit for untrusted "
                    + "input; reading stopped"
            )
            return
        }
        guard state.pointee.recordsEvents else { return }
        if state.pointee.lastEventIsText {
            state.pointee.batch.bytes.append(UnsafeBufferPointer(start: characters, count: count))
            state.pointee.batch.events[state.pointee.batch.events.count - 1].count &+= count
            return
        }
        let (line, column) = parserPosition()
        let start = state.pointee.batch.bytes.count
        state.pointee.batch.bytes.append(UnsafeBufferPointer(start: characters, count: count))
        state.pointee.batch.events.append(
            StreamEvent(
                kind: .text,
                entry: -1,
                position: 0,
                line: line,
                column: column,
                start: start,
                count: count,
                attributeStart: 0,
                attributeCount: 0
            )
        )
        state.pointee.lastEventIsText = true
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
        guard state.pointee.pendingPop else { return }
        state.pointee.pendingPop = false
        if let top = state.pointee.parseStack.popLast() {
            state.pointee.counters.removeSubrange(top.counterStart...)
        }
    }

    /// The line and column of the start tag being reported: libxml2 calls back with its input at the tag's end
    /// (`>` or `/>`), so step back over the tag to its `<`, which is still in the input buffer.
    private func startTagPosition() -> (line: Int, column: Int) {
        guard let input = state.pointee.context?.pointee.input, let cur = input.pointee.cur,
            let base = input.pointee.base
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
            if byte == UInt8(ascii: "<") {
                characters += 1
                break
            }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x0A { newlines += 1 }
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
        guard let input = state.pointee.context?.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    // MARK: Names

    private func entry(
        _ localName: UnsafePointer<xmlChar>?,
        _ prefix: UnsafePointer<xmlChar>?,
        _ uri: UnsafePointer<xmlChar>?
    ) -> Int32 {
        let key = ParseState.PointerKey(
            local: UnsafeRawPointer(localName),
            prefix: UnsafeRawPointer(prefix),
            uri: UnsafeRawPointer(uri)
        )
        // libxml2 interns names in its dictionary, so the pointers identify them: a direct-mapped cache on them
        // answers almost every lookup without hashing.
        let mixed =
            UInt(bitPattern: Int(bitPattern: key.local)) &* 0x9E37_79B9_7F4A_7C15
            ^ UInt(bitPattern: Int(bitPattern: key.uri)) &* 0xC2B2_AE3D_27D4_EB4F
        let slot = Int(truncatingIfNeeded: mixed >> 54)
        if let cached = state.pointee.cache[slot], cached.key == key { return cached.entry }
        if let known = state.pointee.nameByPointers[key] {
            state.pointee.cache[slot] = (key, known)
            return known
        }
        let local = localName.map { String(cString: $0) } ?? ""
        let prefixText = prefix.map { String(cString: $0) }
        let namespace = uri.map { String(cString: $0) }
        let name = XMLName(namespace, local)
        let expanded: Int32
        if let known = state.pointee.expandedIDs[name] {
            expanded = known
        } else {
            expanded = Int32(state.pointee.expandedIDs.count)
            state.pointee.expandedIDs[name] = expanded
        }
        let qualified = prefixText.map { "\($0):\(local)" } ?? local
        let entry = Int32(state.pointee.names.count)
        state.pointee.names.append(ParseState.Name(qualifiedName: qualified, expanded: expanded))
        state.pointee.batch.newNames.append(
            ParsedName(localName: local, namespaceURI: namespace, qualifiedName: qualified)
        )
        state.pointee.nameByPointers[key] = entry
        state.pointee.cache[slot] = (key, entry)
        return entry
    }

    // MARK: Diagnostics

    /// The XPath of the element the parser is in (or has just closed).
    private var parsePath: String {
        var text = ""
        for open in state.pointee.parseStack {
            text += "/" + state.pointee.names[Int(open.step.entry)].qualifiedName
            if open.step.position > 1 { text += "[\(open.step.position)]" }
        }
        return text.isEmpty ? "/" : text
    }

    private func parserError(_ error: UnsafePointer<xmlError>) {
        // A well-formedness error concerns the element the parser is in, not one whose end tag it has just read.
        applyPendingPop()
        var diagnostic = LibXML2Error.diagnostic(from: error, source: state.pointee.sourceName)
        if diagnostic.location?.line == nil, let line = state.pointee.context?.pointee.input?.pointee.line, line > 0 {
            diagnostic.location?.line = Int(line)
        }
        if let open = state.pointee.parseStack.last {
            diagnostic.location?.path = parsePath
            if error.pointee.code == Int32(XML_ERR_DOCUMENT_END.rawValue), state.pointee.finishing {
                // libxml2's push parser says "Extra content at the end of the document" when the input stops
                // inside an element.
                let name = state.pointee.names[Int(open.step.entry)].qualifiedName
                diagnostic.message =
                    "the input ends inside <\(name)>: the document is truncated, or an end tag is missing"
            }
        }
        if diagnostic.severity == .fatal {
            state.pointee.sawFatal = true
            stopParsing()
        }
        queue(diagnostic)
    }

    private func validityError(_ error: UnsafePointer<xmlError>) {
        let value = error.pointee
        let message = value.message.map { LibXML2Error.oneLine(String(cString: $0)) } ?? "XSD validity error"
        var location = SourceLocation(source: state.pointee.sourceName)
        if let input = state.pointee.context?.pointee.input {
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
        state.pointee.sawFatal = true
        let (line, column) = parserPosition()
        queue(
            Diagnostic(
                id: id,
                severity: .fatal,
                message: message,
                location: SourceLocation(
                    source: state.pointee.sourceName,
                    line: line > 0 ? line : nil,
                    column: column > 0 ? column : nil,
                    path: state.pointee.parseStack.isEmpty ? nil : parsePath
                )
            )
        )
        stopParsing()
    }

    private func stopParsing() {
        guard !state.pointee.stopped else { return }
        state.pointee.stopped = true
        if let context = state.pointee.context { xmlStopParser(context) }
    }

    private func queue(_ diagnostic: Diagnostic) {
        // libxml2 2.9 reports some encoding errors twice in a row.
        guard diagnostic != state.pointee.lastDiagnostic else { return }
        state.pointee.lastDiagnostic = diagnostic
        if state.pointee.reported >= state.pointee.options.diagnosticLimit {
            state.pointee.suppressed += 1
            if !state.pointee.recordsEvents { stopParsing() }
            return
        }
        state.pointee.reported += 1
        state.pointee.batch.pending.append((state.pointee.batch.events.count, diagnostic))
    }
}

/// A growable byte buffer with plain `memcpy` appends, for the text and attribute values of one batch of events.
struct ByteArena {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    /// The bytes in use; setting it to 0 empties the arena and keeps its memory.
    var count = 0

    mutating func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        let newCapacity = max(wanted, capacity * 2, 4096)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let base {
            grown.update(from: base, count: count)
            base.deallocate()
        }
        base = grown
        capacity = newCapacity
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(count + bytes.count)
        base.map { ($0 + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    func slice(_ start: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: length)
    }

    mutating func deallocate() {
        base?.deallocate()
        base = nil
        capacity = 0
        count = 0
    }
}
