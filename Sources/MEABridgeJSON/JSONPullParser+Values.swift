/// A container being built by `readValue()`.
struct ValueFrame {
    /// Whether it is an object.
    var isObject: Bool
    /// Where it starts.
    var position: JSONPosition
    /// The elements so far, for arrays.
    var elements: [JSONValue] = []
    /// The members so far, for objects.
    var members: [JSONMember] = []
    /// The name of the member whose value comes next.
    var key = ""
    /// Where that name is.
    var keyPosition = JSONPosition(line: 0, column: 0, offset: 0)

    /// Adds a finished value as the next element or member.
    /// - Parameter value: The value.
    @inline(__always)
    mutating func add(_ value: JSONValue) {
        if isObject {
            members.append(JSONMember(key: key, value: value, keyPosition: keyPosition))
        } else {
            elements.append(value)
        }
    }

    /// The finished container.
    /// - Returns: The container's value.
    consuming func finish() -> JSONValue {
        JSONValue(isObject ? .object(members) : .array(elements), position: position)
    }
}

extension JSONPullParser {
    /// Reads the next complete value — a scalar, or a container through its end — and builds it as a tree.
    ///
    /// If the next event is a member name, the name is consumed and the member's value is read. `position`
    /// moves to the start of the value. Building is iterative, so deep nesting cannot overflow the stack.
    /// - Returns: The value, with the input position of every value and member name.
    /// - Throws: `JSONError` as `next()` does; `sizeLimit` when the value spans more than
    ///   `limits.maxValueBytes`; `noValue` (without spoiling the parser) at the end of a container or input.
    public mutating func readValue() throws(JSONError) -> JSONValue {
        if let failure { throw failure }
        do throws(JSONError) {
            guard try startValue() else { throw noValue() }
            return try readStartedValue()
        } catch {
            if error.code != .noValue { failure = error }
            throw error
        }
    }

    /// Skips the next complete value — a scalar, or a container through its end — without building anything.
    ///
    /// The skipped input is still fully validated. If the next event is a member name, the whole member is
    /// skipped. `position` moves to the start of the value.
    /// - Throws: `JSONError` as `next()` does; `noValue` (without spoiling the parser) at the end of a container
    ///   or input.
    public mutating func skipValue() throws(JSONError) {
        if let failure { throw failure }
        do throws(JSONError) {
            guard try startValue() else { throw noValue() }
            try skipStartedValue()
        } catch {
            if error.code != .noValue { failure = error }
            throw error
        }
    }

    /// Moves to the start of the next value, consuming a member name first if one comes next.
    /// - Returns: Whether a value follows (`false` at the end of a container or of the input).
    /// - Throws: `JSONError` for malformed input.
    mutating func startValue() throws(JSONError) -> Bool {
        guard var kind = try nextKind() else { return false }
        if kind == .key {
            pending = nil
            _ = try lexString()
            state = .colon
            guard let valueKind = try nextKind() else { return false }
            kind = valueKind
        }
        guard kind.startsValue else { return false }
        pending = kind
        eventPosition = currentPosition
        return true
    }

    /// The error for `readValue()` or `skipValue()` where no value follows.
    /// - Returns: A `noValue` error.
    func noValue() -> JSONError {
        JSONError(
            code: .noValue,
            message: "no value to read here: the next event ends a container or the input",
            position: currentPosition
        )
    }

    /// Builds the value whose first token `startValue()` found.
    /// - Returns: The value.
    /// - Throws: `JSONError` for malformed input or exceeded limits.
    mutating func readStartedValue() throws(JSONError) -> JSONValue {
        guard let first = pending else { throw noValue() }
        pending = nil
        let start = eventPosition
        let maxBytes = limits.maxValueBytes
        switch first {
        case .beginObject, .beginArray: break
        default:
            let value = JSONValue(try readScalar(first), position: start)
            if let maxBytes, bufferOffset &+ pos &- start.offset > maxBytes { throw valueTooLarge(start) }
            return value
        }
        try push(object: first == .beginObject)
        var top = makeFrame(isObject: first == .beginObject, position: start)
        var parents: [ValueFrame] = []
        while true {
            guard let kind = try nextKind() else { throw endOfInput() }
            switch kind {
            case .beginObject, .beginArray:
                let object = kind == .beginObject
                let position = currentPosition
                try push(object: object)
                var frame = makeFrame(isObject: object, position: position)
                swap(&top, &frame)
                parents.append(frame)
            case .endObject, .endArray:
                pop()
                rememberSize(of: top)
                guard var parent = parents.popLast() else {
                    if let maxBytes, bufferOffset &+ pos &- start.offset > maxBytes { throw valueTooLarge(start) }
                    return top.finish()
                }
                swap(&top, &parent)
                top.add(parent.finish())
            case .key:
                top.keyPosition = currentPosition
                let token = try lexString()
                state = .colon
                top.key = makeString(token)
            default:
                let position = currentPosition
                top.add(JSONValue(try readScalar(kind), position: position))
            }
            if let maxBytes, bufferOffset &+ pos &- start.offset > maxBytes { throw valueTooLarge(start) }
        }
    }

    /// Starts building a container just opened, reserving room for as many items as the last container of the
    /// same kind at the same depth had (feeds repeat their shapes, so this usually saves every reallocation).
    /// - Parameters:
    ///   - isObject: Whether it is an object.
    ///   - position: Where it starts.
    /// - Returns: The frame.
    @inline(__always)
    func makeFrame(isObject: Bool, position: JSONPosition) -> ValueFrame {
        var frame = ValueFrame(isObject: isObject, position: position)
        let slot = containers.count &* 2 &+ (isObject ? 1 : 0)
        if slot < sizeHints.count {
            let hint = sizeHints[slot]
            if hint > 0 {
                if isObject {
                    frame.members.reserveCapacity(hint)
                } else {
                    frame.elements.reserveCapacity(hint)
                }
            }
        }
        return frame
    }

    /// Records the size of a finished container as the hint for the next one at its depth.
    /// - Parameter frame: The container, closed but not yet finished (`containers` no longer holds it).
    @inline(__always)
    mutating func rememberSize(of frame: borrowing ValueFrame) {
        let slot = (containers.count &+ 1) &* 2 &+ (frame.isObject ? 1 : 0)
        if slot >= sizeHints.count {
            if slot >= 256 { return }
            sizeHints.append(contentsOf: repeatElement(0, count: slot + 1 - sizeHints.count))
        }
        sizeHints[slot] = min(frame.isObject ? frame.members.count : frame.elements.count, 1024)
    }

    /// Consumes a scalar token and builds its value.
    /// - Parameter kind: A scalar kind found by `nextKind()`.
    /// - Returns: The value's kind.
    /// - Throws: `JSONError` for a malformed token.
    @inline(__always)
    mutating func readScalar(_ kind: JSONEventKind) throws(JSONError) -> JSONValue.Kind {
        let result: JSONValue.Kind
        switch kind {
        case .string:
            let token = try lexString()
            result = .string(makeString(token))
        case .number:
            let token = try lexNumber()
            result = .number(makeString(token))
        case .bool: result = .bool(try lexBool())
        default:
            try lexLiteral(Literal.null)
            result = .null
        }
        finishValue()
        return result
    }

    /// The error for a value larger than `limits.maxValueBytes`.
    /// - Parameter start: Where the value starts.
    /// - Returns: A `sizeLimit` error at the start of the value.
    @inline(never)
    func valueTooLarge(_ start: JSONPosition) -> JSONError {
        JSONError(
            code: .sizeLimit,
            message: "value is larger than the limit of \(limits.maxValueBytes ?? 0) bytes",
            position: start
        )
    }

    /// Skips the value whose first token `startValue()` found.
    /// - Throws: `JSONError` for malformed input.
    mutating func skipStartedValue() throws(JSONError) {
        guard var kind = pending else { throw noValue() }
        pending = nil
        var open = 0
        while true {
            switch kind {
            case .beginObject:
                try push(object: true)
                open &+= 1
            case .beginArray:
                try push(object: false)
                open &+= 1
            case .endObject, .endArray:
                pop()
                open &-= 1
            case .key:
                _ = try lexString()
                state = .colon
            case .string:
                _ = try lexString()
                finishValue()
            case .number:
                _ = try lexNumber()
                finishValue()
            case .bool:
                _ = try lexBool()
                finishValue()
            case .null:
                try lexLiteral(Literal.null)
                finishValue()
            }
            if open == 0 { return }
            guard let following = try nextKind() else { throw endOfInput() }
            kind = following
        }
    }
}
