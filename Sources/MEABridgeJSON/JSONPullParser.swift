public import MEABridgeCore

/// An incremental JSON parser that reads its input in chunks and hands out one event at a time.
///
/// The parser works on bytes: it never builds `String`s for structure, only for the keys, strings and number
/// lexemes it returns. Memory stays bounded by the chunk size plus the largest single token (or the largest value
/// built by `readValue()`), so inputs of any size can be read. It accepts exactly one top-level value (RFC 8259),
/// optionally preceded by a UTF-8 byte order mark, and rejects UTF-16 and UTF-32 input.
///
/// Copies of a parser are independent as long as the byte source is a value type; a class source
/// (`FileByteSource`) is shared by the copies.
public struct JSONPullParser {
    /// The input.
    var source: any ByteSource
    /// The limits in force.
    let limits: JSONLimits
    /// Owns the buffer memory.
    var storage: ParserBuffer
    /// `storage.pointer`, cached.
    var base: UnsafeMutablePointer<UInt8>
    /// The next byte to look at, as an index into the buffer.
    var pos = 0
    /// The number of valid bytes in the buffer.
    var end = 0
    /// The input offset of buffer index 0.
    var bufferOffset = 0
    /// Whether the source has reported its end.
    var atEOF = false
    /// Whether the encoding check at the start of the input has been done.
    var started = false
    /// The current 1-based line.
    var line = 1
    /// The input offset where the current line starts.
    var lineStart = 0
    /// What the grammar expects next.
    var state = ParseState.value
    /// The open containers, innermost last: `true` for objects.
    var containers: [Bool] = []
    /// Whether the innermost open container is an object.
    var inObject = false
    /// The kind found by `peekKind()` and not consumed yet.
    var pending: JSONEventKind?
    /// The start of the last event returned or peeked.
    var eventPosition = JSONPosition(line: 1, column: 1, offset: 0)
    /// Item counts of the last containers built by `readValue()`, by depth and kind, to reserve room up front.
    var sizeHints: [Int] = []
    /// The first error thrown; every later call throws it again.
    var failure: JSONError?
    /// The name of the byte source, for messages.
    public let sourceName: String

    /// Creates a parser over a byte source.
    /// - Parameters:
    ///   - source: The input.
    ///   - limits: Limits on nesting and sizes.
    ///   - chunkSize: How many bytes to read at a time (256 KiB by default).
    public init(source: some ByteSource, limits: JSONLimits = .init(), chunkSize: Int = 1 << 18) {
        self.source = source
        self.sourceName = source.name
        self.limits = limits
        let buffer = ParserBuffer(capacity: max(chunkSize, 16))
        self.storage = buffer
        self.base = buffer.pointer
    }

    /// The start of the event most recently returned by `next()` or peeked by `peekKind()`, or of the value most
    /// recently read by `readValue()` or `skipValue()`.
    public var position: JSONPosition { eventPosition }

    /// The number of containers open at this point.
    public var depth: Int { containers.count }

    /// The number of input bytes consumed so far.
    public var bytesConsumed: Int { bufferOffset + pos }

    /// Returns the next event.
    /// - Returns: The event, or `nil` once the top-level value has ended and only whitespace follows it.
    /// - Throws: `JSONError` for malformed or truncated input, exceeded limits, or a failing source; after an
    ///   error every call throws the same error again.
    public mutating func next() throws(JSONError) -> JSONEvent? {
        if let failure { throw failure }
        do throws(JSONError) {
            guard let kind = try nextKind() else { return nil }
            pending = nil
            eventPosition = currentPosition
            return try consumeEvent(kind)
        } catch {
            failure = error
            throw error
        }
    }

    /// Returns the kind of the next event without consuming it; `position` moves to the start of that event.
    /// - Returns: The kind, or `nil` at the end of the input.
    /// - Throws: `JSONError` as `next()` does.
    public mutating func peekKind() throws(JSONError) -> JSONEventKind? {
        if let failure { throw failure }
        if let pending { return pending }
        do throws(JSONError) {
            let kind = try nextKind()
            if let kind {
                pending = kind
                eventPosition = currentPosition
            }
            return kind
        } catch {
            failure = error
            throw error
        }
    }

    /// Reads (and validates) whatever is left of the document, then checks that only whitespace follows it.
    /// - Throws: `JSONError` for malformed input; `trailingData` when something follows the top-level value.
    public mutating func finish() throws(JSONError) {
        while try next() != nil {}
    }

    // MARK: - Internals

    /// The position of the next byte.
    var currentPosition: JSONPosition {
        let offset = bufferOffset &+ pos
        return JSONPosition(line: line, column: offset &- lineStart &+ 1, offset: offset)
    }

    /// The position of a buffer index on the current line.
    /// - Parameter index: An index into the buffer.
    /// - Returns: The input position of that byte.
    func position(at index: Int) -> JSONPosition {
        let offset = bufferOffset &+ index
        return JSONPosition(line: line, column: offset &- lineStart &+ 1, offset: offset)
    }

    /// Finds the kind of the next event, consuming whitespace, commas and colons before it.
    ///
    /// On return `pos` is at the first byte of the event's token, which is in the buffer.
    /// - Returns: The kind, or `nil` when the input has ended after the top-level value.
    /// - Throws: `JSONError` for grammar violations, a premature end, or trailing data.
    @inline(__always)
    mutating func nextKind() throws(JSONError) -> JSONEventKind? {
        if let pending { return pending }
        if state == .finished { return nil }
        if !started { try begin() }
        while true {
            try skipWhitespace()
            if pos >= end {
                if state == .done {
                    state = .finished
                    return nil
                }
                throw endOfInput()
            }
            let byte = base[pos]
            switch state {
            case .value, .element:
                return try valueKind(byte)
            case .firstElementOrEnd:
                if byte == Byte.closeBracket { return .endArray }
                return try valueKind(byte)
            case .firstKeyOrEnd:
                if byte == Byte.quote { return .key }
                if byte == Byte.closeBrace { return .endObject }
                throw unexpected(byte)
            case .key:
                if byte == Byte.quote { return .key }
                throw unexpected(byte)
            case .colon:
                guard byte == Byte.colon else { throw unexpected(byte) }
                pos &+= 1
                state = .value
            case .commaOrEnd:
                if byte == Byte.comma {
                    pos &+= 1
                    state = inObject ? .key : .element
                    continue
                }
                if inObject {
                    if byte == Byte.closeBrace { return .endObject }
                } else if byte == Byte.closeBracket {
                    return .endArray
                }
                throw unexpected(byte)
            case .done:
                throw JSONError(
                    code: .trailingData,
                    message: "unexpected \(describe(byte)) after the top-level value; a JSON text holds one value",
                    position: currentPosition
                )
            case .finished:
                return nil
            }
        }
    }

    /// The kind of value that starts with `byte`.
    /// - Parameter byte: The first byte of a token.
    /// - Returns: The event kind.
    /// - Throws: `unexpectedCharacter` when no value starts with that byte.
    @inline(__always)
    func valueKind(_ byte: UInt8) throws(JSONError) -> JSONEventKind {
        switch byte {
        case Byte.quote: .string
        case Byte.openBrace: .beginObject
        case Byte.openBracket: .beginArray
        case Byte.minus, Byte.zero...Byte.nine: .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: throw unexpected(byte)
        }
    }

    /// Skips whitespace, counting lines, reading more input as needed.
    ///
    /// On return `pos < end`, or `pos == end` at the end of the input.
    /// - Throws: `JSONError` when the source fails.
    @inline(__always)
    mutating func skipWhitespace() throws(JSONError) {
        var index = pos
        while true {
            while index < end {
                let byte = base[index]
                if byte > Byte.space {
                    pos = index
                    return
                }
                if byte == Byte.space || byte == Byte.tab || byte == Byte.carriageReturn {
                    index &+= 1
                } else if byte == Byte.lineFeed {
                    index &+= 1
                    line &+= 1
                    lineStart = bufferOffset &+ index
                } else {
                    pos = index
                    return
                }
            }
            pos = index
            guard try refill(keepingFrom: index) else { return }
            index = pos
        }
    }

    /// Consumes the token of an event found by `nextKind()` and builds the event.
    /// - Parameter kind: The kind `nextKind()` returned.
    /// - Returns: The event.
    /// - Throws: `JSONError` for a malformed token or an exceeded limit.
    mutating func consumeEvent(_ kind: JSONEventKind) throws(JSONError) -> JSONEvent {
        switch kind {
        case .beginObject:
            try push(object: true)
            return .beginObject
        case .beginArray:
            try push(object: false)
            return .beginArray
        case .endObject:
            pop()
            return .endObject
        case .endArray:
            pop()
            return .endArray
        case .key:
            let token = try lexString()
            state = .colon
            return .key(makeString(token))
        case .string:
            let token = try lexString()
            finishValue()
            return .string(makeString(token))
        case .number:
            let token = try lexNumber()
            finishValue()
            return .number(makeString(token))
        case .bool:
            let value = try lexBool()
            finishValue()
            return .bool(value)
        case .null:
            try lexLiteral(Literal.null)
            finishValue()
            return .null
        }
    }

    /// Opens a container at `pos`.
    /// - Parameter object: Whether it is an object.
    /// - Throws: `depthLimit` when the nesting would exceed `limits.maxDepth`.
    @inline(__always)
    mutating func push(object: Bool) throws(JSONError) {
        if containers.count >= limits.maxDepth {
            throw JSONError(
                code: .depthLimit,
                message: "containers are nested deeper than the limit of \(limits.maxDepth)",
                position: currentPosition
            )
        }
        containers.append(object)
        inObject = object
        pos &+= 1
        state = object ? .firstKeyOrEnd : .firstElementOrEnd
    }

    /// Closes the innermost container at `pos`.
    @inline(__always)
    mutating func pop() {
        containers.removeLast()
        pos &+= 1
        if let last = containers.last {
            inObject = last
            state = .commaOrEnd
        } else {
            inObject = false
            state = .done
        }
    }

    /// Moves the grammar past a complete value.
    @inline(__always)
    mutating func finishValue() {
        state = containers.isEmpty ? .done : .commaOrEnd
    }

    /// Checks the start of the input for a byte order mark or a UTF-16/UTF-32 encoding.
    /// - Throws: `utf16Input` for UTF-16 or UTF-32 input; `JSONError` when the source fails.
    mutating func begin() throws(JSONError) {
        started = true
        while end < 4, try refill(keepingFrom: 0) {}
        let count = end
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if count >= 3, base[0] == bom[0], base[1] == bom[1], base[2] == bom[2] {
            pos = 3
            lineStart = 3
            return
        }
        if count > 0, count < 3, (0..<count).allSatisfy({ base[$0] == bom[$0] }) {
            throw endOfInput()
        }
        guard count >= 2 else { return }
        let (b0, b1) = (base[0], base[1])
        let fourZeroTail = count >= 4 && base[2] == 0 && base[3] == 0
        var encoding: String?
        if b0 == 0xFE && b1 == 0xFF {
            encoding = "UTF-16"
        } else if b0 == 0xFF && b1 == 0xFE {
            encoding = fourZeroTail ? "UTF-32" : "UTF-16"
        } else if b0 == 0 {
            encoding = b1 == 0 ? "UTF-32" : "UTF-16"
        } else if b1 == 0 {
            encoding = fourZeroTail ? "UTF-32" : "UTF-16"
        }
        if let encoding {
            throw JSONError(
                code: .utf16Input,
                message: "input is \(encoding); convert it to UTF-8",
                position: JSONPosition(line: 1, column: 1, offset: 0)
            )
        }
    }

    /// Moves the unconsumed bytes from `keep` on to the front of the buffer and reads more input after them.
    ///
    /// Indices into the buffer shift down by the change of `bufferOffset`; `pos` is adjusted here.
    /// - Parameter keep: The first buffer index still needed.
    /// - Returns: Whether more bytes were read (`false` at the end of the input).
    /// - Throws: `io` when the source fails.
    @inline(never)
    mutating func refill(keepingFrom keep: Int) throws(JSONError) -> Bool {
        if atEOF { return false }
        let kept = end &- keep
        var capacity = storage.capacity
        if kept > capacity - capacity / 4 { capacity *= 2 }
        if capacity != storage.capacity || !isKnownUniquelyReferenced(&storage) {
            let fresh = ParserBuffer(capacity: capacity)
            if kept > 0 { UnsafeMutableRawPointer(fresh.pointer).copyMemory(from: base + keep, byteCount: kept) }
            storage = fresh
            base = fresh.pointer
        } else if keep > 0 && kept > 0 {
            UnsafeMutableRawPointer(base).copyMemory(from: base + keep, byteCount: kept)
        }
        bufferOffset &+= keep
        pos &-= keep
        end = kept
        let count: Int
        do throws(IOFailure) {
            count = try source.read(into: UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end))
        } catch {
            throw JSONError(code: .io, message: error.description, position: position(at: end), ioFailure: error)
        }
        if count <= 0 {
            atEOF = true
            return false
        }
        end &+= count
        return true
    }

    // MARK: - Errors

    /// The error for input that ends where more is needed; its position is the end of the input.
    /// - Parameter context: What was being read, such as `inside a string`.
    /// - Returns: An `unexpectedEnd` error.
    @inline(never)
    func endOfInput(_ context: String? = nil) -> JSONError {
        let what: String
        if let context {
            what = context
        } else if bufferOffset + end == 0 {
            return JSONError(code: .unexpectedEnd, message: "the input is empty", position: position(at: end))
        } else {
            switch state {
            case .colon: what = "after a member name; expected ':'"
            case .commaOrEnd: what = afterValueContext
            case .key, .firstKeyOrEnd: what = "inside an object; expected a member name"
            default: what = containers.isEmpty ? "; expected a value" : "inside a container; expected a value"
            }
        }
        let separator = what.hasPrefix(";") ? "" : " "
        return JSONError(
            code: .unexpectedEnd,
            message: "unexpected end of input\(separator)\(what) (is the file truncated?)",
            position: position(at: end)
        )
    }

    /// What an end of input right after a value inside the innermost container interrupts.
    var afterValueContext: String {
        inObject ? "inside an object; expected ',' or '}'" : "inside an array; expected ',' or ']'"
    }

    /// The error for a byte that the grammar does not allow where `pos` is, with a message for the state.
    /// - Parameter byte: The byte at `pos`.
    /// - Returns: An `unexpectedCharacter` error.
    @inline(never)
    func unexpected(_ byte: UInt8) -> JSONError {
        let found = describe(byte)
        let message: String
        switch state {
        case .value, .element, .firstElementOrEnd:
            switch byte {
            case UInt8(ascii: "'"): message = "single quotes are not allowed; strings use double quotes"
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                message = "\(found) cannot start a value (NaN and Infinity are not JSON)"
            case UInt8(ascii: "+"), UInt8(ascii: "."): message = "\(found) cannot start a number"
            case Byte.closeBracket where state == .element: message = "trailing comma before ']'"
            case Byte.closeBrace, Byte.closeBracket, Byte.comma, Byte.colon:
                message = "expected a value, found \(found)"
            default: message = "\(found) cannot start a value"
            }
        case .firstKeyOrEnd, .key:
            if byte == Byte.closeBrace {
                message = "trailing comma before '}'"
            } else if byte == UInt8(ascii: "'") {
                message = "single quotes are not allowed; member names use double quotes"
            } else {
                message = "expected a member name in double quotes, found \(found)"
            }
        case .colon:
            message = "expected ':' after the member name, found \(found)"
        case .commaOrEnd:
            message =
                inObject
                ? "expected ',' or '}' after an object member, found \(found)"
                : "expected ',' or ']' after an array element, found \(found)"
        case .done, .finished:
            message = "unexpected \(found)"
        }
        return JSONError(code: .unexpectedCharacter, message: message, position: currentPosition)
    }
}

/// What the grammar expects next.
enum ParseState: UInt8 {
    /// A value: at the top level or after a member name's colon.
    case value
    /// A value after a comma in an array.
    case element
    /// A value or `]`, right after `[`.
    case firstElementOrEnd
    /// A member name or `}`, right after `{`.
    case firstKeyOrEnd
    /// A member name, after a comma in an object.
    case key
    /// The colon after a member name.
    case colon
    /// A comma or the end of the innermost container.
    case commaOrEnd
    /// Only whitespace, after the top-level value.
    case done
    /// Nothing: the input has ended.
    case finished
}

/// Owns the parser's buffer memory.
final class ParserBuffer {
    /// The buffer.
    let pointer: UnsafeMutablePointer<UInt8>
    /// The buffer size in bytes.
    let capacity: Int

    /// Allocates a buffer.
    /// - Parameter capacity: The size in bytes.
    init(capacity: Int) {
        self.pointer = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { pointer.deallocate() }
}

/// A readable name for a byte in messages: `'x'`, or `byte 0xC3` for bytes outside printable ASCII.
/// - Parameter byte: The byte.
/// - Returns: The description.
func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    switch byte {
    case Byte.space: return "a space"
    case Byte.tab: return "a tab"
    case Byte.lineFeed: return "a line feed"
    case Byte.carriageReturn: return "a carriage return"
    default: return "byte " + hexByte(byte)
    }
}

/// `0xC3`.
/// - Parameter byte: The byte.
/// - Returns: Uppercase hexadecimal with a `0x` prefix.
func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
}

/// Byte constants.
enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let one = UInt8(ascii: "1")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
