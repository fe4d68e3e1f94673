internal import CLibXML2
public import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
/// the events of a few chunks are held at a time, so a document of any size is read in memory bounded by the chunk
/// size and the longest text node (``XMLStreamOptions/maxTextLength``). With
/// ``XMLStreamOptions/parsesConcurrently`` libxml2 parses on a thread of its own, a few chunks ahead of the cursor;
/// the source is always read on the caller's thread.
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
    private let parser: StreamParser
    private let concurrent: Bool
    private let s: UnsafeMutablePointer<CursorState>

    /// A name as the cursor knows it.
    struct NameEntry {
        let localName: String
        let qualifiedName: String
        let expanded: Int32
    }

    /// The cursor's state, kept behind a pointer: it is touched for every event, and stored properties of a class
    /// would pay a dynamic exclusivity check on every access.
    struct CursorState {
        var readSource: (UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
        var batch = EventBatch()
        var cursor = 0
        var current: StreamEvent?
        var entries: [NameEntry] = []
        var expandedIDs: [XMLName: Int32] = [:]
        var expandedNames: [XMLName] = []
        var cursorStack: [XMLPathStep] = []
        /// Where the current batch's events are (valid while the batch is current and unchanged) and how many.
        var events: UnsafePointer<StreamEvent>?
        var eventCount = 0
        /// Whether the cursor stands at an end tag, whose element leaves the path at the next move.
        var currentIsEnd = false
        /// The expanded name id of the current start tag, or -1 (for the common name tests of `isStart`).
        var currentStart: Int32 = -1
        var started = false
        var finished = false
        var failure: IOFailure?
        var sourceEnded = false
        var pipe: BatchPipe?
        var thread: pthread_t?
    }

    /// Creates a reader over a source of bytes; nothing is read until the first ``next(report:)``.
    /// - Parameters:
    ///   - source: The document's bytes.
    ///   - name: The name used in diagnostics (defaults to the source's name).
    ///   - options: Limits, chunk size and threading; the defaults are safe for untrusted input.
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
        let sourceName = name ?? source.name
        self.sourceName = sourceName
        self.options = options
        // Only a reader that hands events to a consumer gains from a parsing thread; validation alone does not.
        concurrent = options.parsesConcurrently && recordsEvents
        let readSource: (UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int = { buffer throws(IOFailure) in
            try source.read(into: buffer)
        }
        s = UnsafeMutablePointer<CursorState>.allocate(capacity: 1)
        s.initialize(to: CursorState(readSource: readSource))
        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(
            to: ParseState(
                sourceName: sourceName,
                options: options,
                schema: schema,
                recordsEvents: recordsEvents,
                readChunk: readSource
            )
        )
        parser = StreamParser(state: state)
    }

    deinit {
        if let pipe = s.pointee.pipe {
            pipe.cancel()
            if let thread = s.pointee.thread { pthread_join(thread, nil) }
        }
        parser.teardown()
        parser.state.pointee.batch.release()
        parser.state.pointee.input.deallocate()
        parser.state.deinitialize(count: 1)
        parser.state.deallocate()
        s.pointee.batch.release()
        s.deinitialize(count: 1)
        s.deallocate()
    }

    // MARK: Batches

    /// Makes the next batch of events current: parses the next chunk here, or takes it from the parsing thread.
    private func nextBatch() {
        if !s.pointee.started {
            s.pointee.started = true
            if concurrent { startThread() }
        }
        guard let pipe = s.pointee.pipe else {
            // The parser fills its batch (the one the cursor used last time), then the two are swapped.
            parser.state.pointee.batch.reset()
            parser.parseMore()
            swap(&s.pointee.batch, &parser.state.pointee.batch)
            absorbNames()
            return
        }
        var used = EventBatch()
        swap(&used, &s.pointee.batch)
        pipe.recycle(used)
        s.pointee.batch = pipe.takeBatch()
        absorbNames()
        feed(pipe)
    }

    /// Takes the names the parser met for the first time in this batch into the cursor's own table, and notes where
    /// its events are for the fast path of `next`.
    private func absorbNames() {
        s.pointee.eventCount = s.pointee.batch.events.count
        s.pointee.events = s.pointee.batch.events.withUnsafeBufferPointer { $0.baseAddress }
        for name in s.pointee.batch.newNames {
            let expanded = expandedID(XMLName(name.namespaceURI, name.localName))
            s.pointee.entries.append(
                NameEntry(localName: name.localName, qualifiedName: name.qualifiedName, expanded: expanded)
            )
        }
    }

    /// How many chunks of input the parsing thread may have waiting.
    private static let readAhead = 3

    /// Starts the parsing thread, with the first chunks of input read here.
    private func startThread() {
        let pipe = BatchPipe(chunkSize: options.chunkSize)
        s.pointee.pipe = pipe
        // The parser pulls its input from the pipe; this thread keeps it fed (the source is only read here).
        parser.state.pointee.readChunk = { buffer throws(IOFailure) in try pipe.nextInput(into: buffer) }
        for _ in 0..<Self.readAhead { feed(pipe) }
        let job = ParsingJob(parser: parser, pipe: pipe)
        var thread = pthread_t()
        let started = pthread_create(
            &thread,
            nil,
            { context in
                guard let context else { return nil }
                Unmanaged<ParsingJob>.fromOpaque(context).takeRetainedValue().run()
                return nil
            },
            Unmanaged.passRetained(job).toOpaque()
        )
        if started == 0 {
            s.pointee.thread = thread
        } else {
            // No thread: parse on this one after all, from the chunks already read.
            Unmanaged.passUnretained(job).release()
            s.pointee.pipe = nil
            parser.state.pointee.readChunk = { buffer throws(IOFailure) in try pipe.nextInputOrRead(into: buffer) }
            pipe.fallback = s.pointee.readSource
        }
    }

    /// Reads one chunk of input (full, unless the source ends) and hands it to the parsing thread.
    private func feed(_ pipe: BatchPipe) {
        guard !s.pointee.sourceEnded else { return }
        pipe.putInput { buffer in
            var filled = 0
            do throws(IOFailure) {
                while filled < buffer.count {
                    let count = try s.pointee.readSource(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    if count == 0 { break }
                    filled += count
                }
            } catch {
                s.pointee.sourceEnded = true
                return (filled, error)
            }
            if filled < buffer.count { s.pointee.sourceEnded = true }
            return (filled, nil)
        }
    }

    // MARK: The cursor

    /// Moves to the next event, parsing more input when the events read so far are used up.
    /// - Parameter report: Receives the diagnostics found before that event, in document order.
    /// - Returns: The event the reader now stands at.
    /// - Throws: `IOFailure` when reading the source fails.
    public func next(report: (Diagnostic) -> Void) throws(IOFailure) -> XMLStreamEvent {
        let state = s
        if state.pointee.currentIsEnd {
            state.pointee.currentIsEnd = false
            if !state.pointee.cursorStack.isEmpty { state.pointee.cursorStack.removeLast() }
        }
        // The fast path: the next event of the batch at hand.
        let cursor = state.pointee.cursor
        if cursor < state.pointee.eventCount, state.pointee.batch.pending.isEmpty, let events = state.pointee.events {
            let event = events[cursor]
            state.pointee.cursor = cursor + 1
            state.pointee.current = event
            switch event.kind {
            case .startElement:
                state.pointee.cursorStack.append(XMLPathStep(entry: event.entry, position: event.position))
                state.pointee.currentStart = state.pointee.entries[Int(event.entry)].expanded
            case .endElement:
                state.pointee.currentIsEnd = true
                state.pointee.currentStart = -1
            default:
                state.pointee.currentStart = -1
            }
            return event.kind
        }
        while s.pointee.cursor >= s.pointee.batch.events.count {
            flushPending(upTo: .max, report: report)
            if s.pointee.finished {
                s.pointee.current = nil
                s.pointee.currentStart = -1
                return .endOfDocument
            }
            if s.pointee.batch.finished {
                s.pointee.finished = true
                s.pointee.current = nil
                s.pointee.currentStart = -1
                if let failure = s.pointee.batch.failure { throw failure }
                return .endOfDocument
            }
            s.pointee.cursor = 0
            nextBatch()
        }
        flushPending(upTo: s.pointee.cursor, report: report)
        let event = s.pointee.batch.events[s.pointee.cursor]
        s.pointee.cursor += 1
        s.pointee.current = event
        s.pointee.currentStart = -1
        if event.kind == .startElement {
            s.pointee.cursorStack.append(XMLPathStep(entry: event.entry, position: event.position))
            s.pointee.currentStart = s.pointee.entries[Int(event.entry)].expanded
        } else if event.kind == .endElement {
            s.pointee.currentIsEnd = true
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
            if s.pointee.batch.finished {
                s.pointee.finished = true
                if let failure = s.pointee.batch.failure { throw failure }
                return
            }
            nextBatch()
        }
    }

    private func flushPending(upTo index: Int, report: (Diagnostic) -> Void) {
        guard !s.pointee.batch.pending.isEmpty else { return }
        var delivered = 0
        for item in s.pointee.batch.pending where item.index <= index {
            report(item.diagnostic)
            delivered += 1
        }
        if delivered > 0 { s.pointee.batch.pending.removeFirst(delivered) }
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
        s.pointee.currentStart == id.rawValue
    }

    /// The id standing for a name in this reader (the same name always gets the same id).
    /// - Parameter name: The expanded name.
    /// - Returns: Its id.
    public func id(of name: XMLName) -> XMLNameID {
        XMLNameID(rawValue: expandedID(name))
    }

    private func expandedID(_ name: XMLName) -> Int32 {
        if let id = s.pointee.expandedIDs[name] { return id }
        let id = Int32(s.pointee.expandedNames.count)
        s.pointee.expandedNames.append(name)
        s.pointee.expandedIDs[name] = id
        return id
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
        return try body(s.pointee.batch.bytes.slice(current.start, current.count))
    }

    /// Whether a text event holds only spaces, tabs and line breaks.
    public var isWhitespace: Bool {
        guard let current = s.pointee.current, current.kind == .text else { return false }
        return s.pointee.batch.bytes.slice(current.start, current.count).allSatisfy {
            $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D
        }
    }

    /// The value of an attribute of the element at a start tag, by name id.
    /// - Parameter id: The attribute's name id (from ``id(of:)``).
    /// - Returns: The value, or `nil` when the element has no such attribute.
    public func attribute(_ id: XMLNameID) -> String? {
        guard let current = s.pointee.current, current.kind == .startElement, current.attributeCount > 0 else {
            return nil
        }
        for index in current.attributeStart..<current.attributeStart + current.attributeCount {
            let attribute = s.pointee.batch.attributes[index]
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
        return s.pointee.batch.attributes[current.attributeStart..<current.attributeStart + current.attributeCount]
            .map {
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
            if let first = single, s.pointee.cursor >= s.pointee.batch.events.count {
                collected.append(contentsOf: s.pointee.batch.bytes.slice(first.start, first.count))
                single = nil
            }
            switch try next(report: report) {
            case .text:
                guard let event = s.pointee.current else { continue }
                if single == nil && collected.isEmpty {
                    single = (event.start, event.count)
                } else {
                    if let first = single {
                        collected.append(contentsOf: s.pointee.batch.bytes.slice(first.start, first.count))
                        single = nil
                    }
                    collected.append(contentsOf: s.pointee.batch.bytes.slice(event.start, event.count))
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
        String(decoding: s.pointee.batch.bytes.slice(start, count), as: UTF8.self)
    }

    /// Whether the document was read without a fatal diagnostic (so far).
    public var isWellFormed: Bool { !s.pointee.batch.sawFatal }

    /// How many diagnostics were found beyond ``XMLStreamOptions/diagnosticLimit`` and not reported.
    public var suppressedDiagnosticCount: Int { s.pointee.batch.suppressed }
}

/// The parsing thread's work: parse chunk after chunk into batches and hand them over, until the document ends or
/// the reader is released.
private final class ParsingJob: @unchecked Sendable {
    // `@unchecked Sendable`: created on the reader's thread and used only by the parsing thread afterwards.
    let parser: StreamParser
    let pipe: BatchPipe

    init(parser: StreamParser, pipe: BatchPipe) {
        self.parser = parser
        self.pipe = pipe
    }

    func run() {
        while true {
            parser.parseMore()
            var batch = EventBatch()
            swap(&batch, &parser.state.pointee.batch)
            let finished = batch.finished
            guard let fresh = pipe.putBatch(batch) else { break }
            parser.state.pointee.batch = fresh
            if finished { break }
        }
        parser.teardown()
    }
}

/// Hands input chunks from the reader's thread to the parsing thread and batches of events back, with at most a few
/// of each waiting, so memory stays bounded.
final class BatchPipe: @unchecked Sendable {
    // `@unchecked Sendable`: every mutable property is guarded by `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private let chunkSize: Int
    private var inputs: [(buffer: UnsafeMutableRawBufferPointer, count: Int, failure: IOFailure?)] = []
    private var freeInputs: [UnsafeMutableRawBufferPointer] = []
    private var batches: [EventBatch] = []
    private var freeBatches: [EventBatch] = []
    private var cancelled = false
    /// Set once the chunk that ends the input has been queued.
    private var inputEnded = false
    /// Full batches allowed to wait for the cursor.
    private let capacity = 2
    /// Set when no parsing thread could be started: the parser reads the source itself once the chunks run out.
    var fallback: ((UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int)?

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        for input in inputs { input.buffer.deallocate() }
        for buffer in freeInputs { buffer.deallocate() }
        for index in batches.indices { batches[index].release() }
        for index in freeBatches.indices { freeBatches[index].release() }
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    // MARK: The reader's side

    /// Fills a chunk with `fill` (outside the lock) and queues it for the parser.
    func putInput(_ fill: (UnsafeMutableRawBufferPointer) -> (count: Int, failure: IOFailure?)) {
        let buffer =
            locked { freeInputs.popLast() }
            ?? UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        let (count, failure) = fill(buffer)
        locked {
            inputs.append((buffer, count, failure))
            // A short chunk is the last one: the source has ended (or failed).
            if count < chunkSize || failure != nil { inputEnded = true }
            pthread_cond_broadcast(condition)
        }
    }

    /// Waits for the next batch of events.
    func takeBatch() -> EventBatch {
        locked {
            while batches.isEmpty { pthread_cond_wait(condition, mutex) }
            let batch = batches.removeFirst()
            pthread_cond_broadcast(condition)
            return batch
        }
    }

    /// Gives a used batch back for the parser to fill again.
    func recycle(_ batch: EventBatch) {
        var batch = batch
        batch.reset()
        locked { freeBatches.append(batch) }
    }

    /// Tells the parser to stop: its next wait returns at once.
    func cancel() {
        locked {
            cancelled = true
            pthread_cond_broadcast(condition)
        }
    }

    // MARK: The parser's side

    /// The next chunk of input, copied into `buffer` (which is `chunkSize` bytes); 0 at the end of the input.
    func nextInput(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        let next: (buffer: UnsafeMutableRawBufferPointer, count: Int, failure: IOFailure?)? = locked {
            while inputs.isEmpty && !cancelled && !inputEnded { pthread_cond_wait(condition, mutex) }
            if cancelled { return nil }
            return inputs.isEmpty ? (buffer, 0, nil) : inputs.removeFirst()
        }
        guard let next else { throw IOFailure(operation: .read, path: "", message: "reading was cancelled") }
        guard next.buffer.baseAddress != buffer.baseAddress else { return 0 }
        let count = min(next.count, buffer.count)
        if count > 0, let target = buffer.baseAddress, let source = next.buffer.baseAddress {
            target.copyMemory(from: source, byteCount: count)
        }
        locked { freeInputs.append(next.buffer) }
        if let failure = next.failure { throw failure }
        return count
    }

    /// Without a parsing thread: the chunks read ahead first, then the source itself.
    func nextInputOrRead(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        if locked({ !inputs.isEmpty }) { return try nextInput(into: buffer) }
        guard let fallback else { return 0 }
        return try fallback(buffer)
    }

    /// Queues a filled batch for the cursor (waiting while too many wait) and returns an empty one to fill next;
    /// `nil` when the reader has gone.
    func putBatch(_ batch: EventBatch) -> EventBatch? {
        locked {
            while batches.count >= capacity && !cancelled { pthread_cond_wait(condition, mutex) }
            if cancelled {
                freeBatches.append(batch)
                return nil
            }
            batches.append(batch)
            pthread_cond_broadcast(condition)
            return freeBatches.popLast() ?? EventBatch()
        }
    }
}
