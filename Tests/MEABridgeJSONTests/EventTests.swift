import MEABridgeCore
import MEABridgeJSON
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Events")
struct EventTests {
    @Test("every event type")
    func everyEventType() throws {
        let events = try plainEvents(#"{"a": [1, -2.5E+3, "s", true, false, null, {}, []]}"#)
        #expect(
            events == [
                .beginObject, .key("a"), .beginArray, .number("1"), .number("-2.5E+3"), .string("s"), .bool(true),
                .bool(false), .null, .beginObject, .endObject, .beginArray, .endArray, .endArray, .endObject,
            ]
        )
        #expect(
            events.map(\.kind) == [
                .beginObject, .key, .beginArray, .number, .number, .string, .bool, .bool, .null, .beginObject,
                .endObject, .beginArray, .endArray, .endArray, .endObject,
            ]
        )
    }

    @Test(
        "top-level scalars",
        arguments: [
            ("0", JSONEvent.number("0")), ("-0", .number("-0")), ("12", .number("12")),
            ("3.25e-10", .number("3.25e-10")), ("1E5", .number("1E5")), (#""x""#, .string("x")),
            ("true", .bool(true)), ("false", .bool(false)), ("null", .null), (" \n\t\r 7 \n", .number("7")),
        ]
    )
    func topLevelScalars(text: String, expected: JSONEvent) throws {
        #expect(try plainEvents(text) == [expected])
    }

    @Test("next returns nil after the end, repeatedly")
    func nilAfterEnd() throws {
        var parser = JSONPullParser(source: MemoryByteSource("[1]  \n"))
        #expect(try parser.next() == .beginArray)
        #expect(try parser.next() == .number("1"))
        #expect(try parser.next() == .endArray)
        #expect(try parser.next() == nil)
        #expect(try parser.next() == nil)
        #expect(try parser.peekKind() == nil)
        #expect(parser.bytesConsumed == 6)
    }

    @Test("positions of values and keys on a multi-line document")
    func positions() {
        let text = "{\n  \"a\": 1,\n\t\"bb\" :\n  [true, \"x\"],\r\n  \"c\": {\"d\": null}\n}\n"
        let outcome = readEvents(text)
        #expect(outcome.error == nil)
        let found = outcome.events.map { "\($0.event) \($0.position.line):\($0.position.column)@\($0.position.offset)" }
        #expect(
            found == [
                "beginObject 1:1@0",
                "key(\"a\") 2:3@4",
                "number(\"1\") 2:8@9",
                "key(\"bb\") 3:2@13",
                "beginArray 4:3@22",
                "bool(true) 4:4@23",
                "string(\"x\") 4:10@29",
                "endArray 4:13@32",
                "key(\"c\") 5:3@38",
                "beginObject 5:8@43",
                "key(\"d\") 5:9@44",
                "null 5:14@49",
                "endObject 5:18@53",
                "endObject 6:1@55",
            ]
        )
        #expect(outcome.events.map(\.depth) == [1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 0])
    }

    @Test("peekKind does not consume and moves position to the next event")
    func peek() throws {
        var parser = JSONPullParser(source: MemoryByteSource(#" {"k" : [ "v" ] }"#))
        #expect(try parser.peekKind() == .beginObject)
        #expect(parser.position.offset == 1)
        #expect(try parser.peekKind() == .beginObject)
        #expect(try parser.next() == .beginObject)
        #expect(parser.depth == 1)
        #expect(try parser.peekKind() == .key)
        #expect(parser.position.offset == 2)
        #expect(try parser.next() == .key("k"))
        #expect(try parser.peekKind() == .beginArray)
        #expect(parser.position.offset == 8)
        #expect(try parser.next() == .beginArray)
        #expect(try parser.peekKind() == .string)
        #expect(parser.position.offset == 10)
        #expect(try parser.next() == .string("v"))
        #expect(try parser.peekKind() == .endArray)
        #expect(try parser.next() == .endArray)
        #expect(try parser.peekKind() == .endObject)
        #expect(try parser.next() == .endObject)
        #expect(try parser.peekKind() == nil)
        #expect(try parser.next() == nil)
    }

    @Test("a UTF-8 byte order mark is skipped; columns start after it")
    func byteOrderMark() {
        let outcome = readEvents([0xEF, 0xBB, 0xBF] + Array(#"["é"]"#.utf8))
        #expect(outcome.error == nil)
        #expect(outcome.events.map(\.event) == [.beginArray, .string("é"), .endArray])
        #expect(outcome.events[0].position == JSONPosition(line: 1, column: 1, offset: 3))
        #expect(outcome.events[1].position == JSONPosition(line: 1, column: 2, offset: 4))
    }

    @Test("string escapes and surrogate pairs")
    func escapes() throws {
        let events = try plainEvents(
            #"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC\uD83D\uDE00\ud834\udd1e", "\u0000", "a\u005cb", "ünï😀"]"#
        )
        #expect(
            events == [
                .beginArray, .string("\"\\/\u{8}\u{C}\n\r\t"), .string("Aé€😀𝄞"), .string("\u{0}"),
                .string("a\\b"), .string("ünï😀"), .endArray,
            ]
        )
    }

    @Test("keys with escapes and non-ASCII")
    func keys() throws {
        let events = try plainEvents(#"{"a\nb": 1, "ключ": 2, "": 3}"#)
        #expect(
            events == [
                .beginObject, .key("a\nb"), .number("1"), .key("ключ"), .number("2"), .key(""),
                .number("3"), .endObject,
            ]
        )
    }

    @Test("DEL and every valid UTF-8 length are accepted raw")
    func rawBytes() throws {
        let text = "\"\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}\u{E000}\""
        #expect(try plainEvents(text) == [.string("\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}\u{E000}")])
    }

    @Test(
        "the same document in chunks of 1, 2, 3, 7 and 4096 bytes gives the same events and positions",
        arguments: [1, 2, 3, 7, 4096]
    )
    func chunkBoundaries(maxChunk: Int) {
        let whole = readEvents(sampleDocument)
        #expect(whole.error == nil)
        #expect(whole.events.count == 46)
        #expect(readEvents(sampleDocument, maxChunk: maxChunk) == whole)
        #expect(readEvents(sampleDocument, maxChunk: maxChunk, chunkSize: 16) == whole)
    }

    @Test("long strings and numbers that cross many chunks grow the buffer", arguments: [1, 7, 100])
    func longTokens(maxChunk: Int) {
        var decoded = ""
        var escaped = ""
        var raw = ""
        for index in 0..<3000 {
            switch index % 5 {
            case 0:
                decoded += "\n"
                escaped += "\\n"
                raw += "/"
            case 1:
                decoded += "é"
                escaped += "é"
                raw += "é"
            case 2:
                decoded += "😀"
                escaped += "\\ud83d\\ude00"
                raw += "😀"
            default:
                decoded += "x"
                escaped += "x"
                raw += "x"
            }
        }
        let digits = String(repeating: "9", count: 5000)
        let text = "[\"\(escaped)\", -\(digits).5e-\(digits), \"\(raw)\"]"
        let outcome = readEvents(text, maxChunk: maxChunk, chunkSize: 16)
        #expect(outcome.error == nil)
        let expected: [JSONEvent] = [
            .beginArray, .string(decoded), .number("-\(digits).5e-\(digits)"), .string(raw), .endArray,
        ]
        #expect(outcome.events.map(\.event) == expected, "events differ")
        #expect(outcome.events == readEvents(text).events, "chunked events differ")
    }

    @Test("a copy of a parser over a value source goes on independently")
    func copies() throws {
        var original = JSONPullParser(source: MemoryByteSource(sampleDocument, maxChunk: 3), chunkSize: 16)
        for _ in 0..<5 {
            _ = try original.next()
        }
        var copy = original
        var fromOriginal: [JSONEvent] = []
        while let event = try original.next() {
            fromOriginal.append(event)
        }
        var fromCopy: [JSONEvent] = []
        while let event = try copy.next() {
            fromCopy.append(event)
        }
        #expect(fromOriginal == fromCopy)
        #expect(fromOriginal.count == 41)
        #expect(copy.bytesConsumed == original.bytesConsumed)
    }

    @Test("FileByteSource input")
    func fileSource() throws {
        let path = "/tmp/meabridge-json-test-\(sampleDocument.utf8.count).json"
        var sink = try AtomicFileSink(path: path)
        try sink.write(Array(sampleDocument.utf8))
        try sink.commit()
        defer { unlink(path) }
        let source = try FileByteSource(path: path)
        var parser = JSONPullParser(source: source, chunkSize: 64)
        var events: [PositionedEvent] = []
        while let event = try parser.next() {
            events.append(PositionedEvent(event: event, position: parser.position, depth: parser.depth))
        }
        #expect(events == readEvents(sampleDocument).events)
        #expect(parser.sourceName == path)
    }
}
