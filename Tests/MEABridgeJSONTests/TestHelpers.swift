import MEABridgeCore
import MEABridgeJSON

/// One event with where it starts.
struct PositionedEvent: Hashable, CustomStringConvertible {
    var event: JSONEvent
    var position: JSONPosition
    var depth: Int

    var description: String { "\(event)@\(position.offset)" }
}

/// The outcome of reading a whole document event by event.
struct EventOutcome: Hashable {
    var events: [PositionedEvent]
    var error: JSONError?
}

/// Reads every event of `bytes`.
func readEvents(
    _ bytes: [UInt8],
    maxChunk: Int = .max,
    chunkSize: Int = 1 << 18,
    limits: JSONLimits = JSONLimits()
) -> EventOutcome {
    var parser = JSONPullParser(
        source: MemoryByteSource(bytes, maxChunk: maxChunk),
        limits: limits,
        chunkSize: chunkSize
    )
    var events: [PositionedEvent] = []
    do {
        while let event = try parser.next() {
            events.append(PositionedEvent(event: event, position: parser.position, depth: parser.depth))
        }
        return EventOutcome(events: events, error: nil)
    } catch {
        return EventOutcome(events: events, error: error)
    }
}

/// Reads every event of `text`.
func readEvents(
    _ text: String,
    maxChunk: Int = .max,
    chunkSize: Int = 1 << 18,
    limits: JSONLimits = JSONLimits()
) -> EventOutcome {
    readEvents(Array(text.utf8), maxChunk: maxChunk, chunkSize: chunkSize, limits: limits)
}

/// The events of `text`, without positions; fails the calling test on an error.
func plainEvents(_ text: String) throws -> [JSONEvent] {
    let outcome = readEvents(text)
    if let error = outcome.error { throw error }
    return outcome.events.map(\.event)
}

/// Reads `bytes` as one value.
func readValue(
    _ bytes: [UInt8],
    maxChunk: Int = .max,
    chunkSize: Int = 1 << 18,
    limits: JSONLimits = JSONLimits()
) throws(JSONError) -> JSONValue {
    var parser = JSONPullParser(
        source: MemoryByteSource(bytes, maxChunk: maxChunk),
        limits: limits,
        chunkSize: chunkSize
    )
    let value = try parser.readValue()
    try parser.finish()
    return value
}

/// Reads `text` as one value.
func readValue(
    _ text: String,
    maxChunk: Int = .max,
    chunkSize: Int = 1 << 18,
    limits: JSONLimits = JSONLimits()
) throws(JSONError) -> JSONValue {
    try readValue(Array(text.utf8), maxChunk: maxChunk, chunkSize: chunkSize, limits: limits)
}

/// The error that reading `bytes` event by event ends with, if any.
func firstError(_ bytes: [UInt8], maxChunk: Int = .max, limits: JSONLimits = JSONLimits()) -> JSONError? {
    readEvents(bytes, maxChunk: maxChunk, limits: limits).error
}

/// The error that reading `text` event by event ends with, if any.
func firstError(_ text: String, maxChunk: Int = .max, limits: JSONLimits = JSONLimits()) -> JSONError? {
    firstError(Array(text.utf8), maxChunk: maxChunk, limits: limits)
}

/// Compact JSON text for a value.
func jsonText(_ value: JSONValue) -> String {
    var out: [UInt8] = []
    JSONOutput.append(value, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// A source that fails after handing out some bytes.
struct FailingSource: ByteSource {
    var name: String { "broken.json" }
    var bytes: [UInt8]
    var served = false

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        if served { throw IOFailure(operation: .read, path: name, message: "device on fire") }
        served = true
        let count = min(buffer.count, bytes.count)
        for index in 0..<count { buffer[index] = bytes[index] }
        return count
    }
}

/// A multi-line document with every kind of token, escapes and non-ASCII text.
let sampleDocument = """
    {
      "d": {
        "results": [
          {"id": "a-1", "title": "Conf\\u00e9rence des Parties \\ud83d\\ude00", "n": -12.5e-3, "ok": true},
          {"id": "b\\"2\\"", "title": "Конвенция – 生物多样性公约 😀", "n": 0, "ok": false, "x": null,
           "tags": ["a", "b\\\\c", "\\/\\b\\f\\n\\r\\t"], "empty": {}, "none": [], "big": 12345678901234567890}
        ],
        "__count": "2"
      }
    }

    """
