import MEABridgeCore
import MEABridgeJSON
import Testing

@Suite("Values")
struct ValueTests {
    @Test("readValue builds the tree with the positions of values and keys")
    func tree() throws {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null, \"d\": true}\n}"
        let value = try readValue(text)
        #expect(value.position == JSONPosition(line: 1, column: 1, offset: 0))
        let members = try #require(value.objectValue)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == JSONPosition(line: 2, column: 3, offset: 4))
        #expect(members[0].value.position == JSONPosition(line: 2, column: 8, offset: 9))
        let elements = try #require(members[0].value.arrayValue)
        #expect(elements.map(\.position.offset) == [10, 13])
        #expect(elements[1].position == JSONPosition(line: 2, column: 12, offset: 13))
        #expect(members[1].keyPosition == JSONPosition(line: 3, column: 3, offset: 21))
        let inner = try #require(value["b"])
        #expect(inner.position == JSONPosition(line: 3, column: 8, offset: 26))
        #expect(inner.member("d")?.keyPosition == JSONPosition(line: 3, column: 20, offset: 38))
        #expect(inner["d"]?.position == JSONPosition(line: 3, column: 25, offset: 43))
        #expect(
            value.equalsIgnoringPositions(
                JSONValue(
                    .object([
                        JSONMember(
                            key: "a",
                            value: JSONValue(.array([JSONValue(.number("1")), JSONValue(.string("x"))]))
                        ),
                        JSONMember(
                            key: "b",
                            value: JSONValue(
                                .object([
                                    JSONMember(key: "c", value: JSONValue(.null)),
                                    JSONMember(key: "d", value: JSONValue(.bool(true))),
                                ])
                            )
                        ),
                    ])
                )
            )
        )
    }

    @Test("readValue in any chunking gives the same tree", arguments: [1, 2, 3, 7, 4096])
    func treeInChunks(maxChunk: Int) throws {
        let whole = try readValue(sampleDocument)
        #expect(try readValue(sampleDocument, maxChunk: maxChunk, chunkSize: 16) == whole)
        #expect(whole["d"]?["results"]?.arrayValue?.count == 2)
        #expect(whole["d"]?["results"]?.arrayValue?[1]["title"]?.stringValue == "Конвенция – 生物多样性公约 😀")
        #expect(whole["d"]?["results"]?.arrayValue?[0]["title"]?.stringValue == "Conférence des Parties 😀")
        #expect(whole["d"]?["results"]?.arrayValue?[1]["tags"]?.arrayValue?[2].stringValue == "/\u{8}\u{C}\n\r\t")
    }

    @Test("readValue and skipValue over the elements of a feed, mixed with events")
    func mixedReading() throws {
        var parser = JSONPullParser(source: MemoryByteSource(sampleDocument, maxChunk: 5), chunkSize: 16)
        #expect(try parser.next() == .beginObject)
        #expect(try parser.next() == .key("d"))
        #expect(try parser.next() == .beginObject)
        #expect(try parser.next() == .key("results"))
        #expect(try parser.next() == .beginArray)
        #expect(parser.depth == 3)
        let first = try parser.readValue()
        #expect(first["id"]?.stringValue == "a-1")
        #expect(first.position == parser.position)
        #expect(parser.position == JSONPosition(line: 4, column: 7, offset: 34))
        #expect(parser.depth == 3)
        try parser.skipValue()
        #expect(parser.position.line == 5)
        #expect(try parser.peekKind() == .endArray)
        #expect { try parser.readValue() } throws: { ($0 as? JSONError)?.code == .noValue }
        #expect { try parser.skipValue() } throws: { ($0 as? JSONError)?.code == .noValue }
        #expect(try parser.next() == .endArray)
        // At a key, readValue reads that member's value.
        #expect(try parser.peekKind() == .key)
        let count = try parser.readValue()
        #expect(count.stringValue == "2")
        let bytes = Array(sampleDocument.utf8)
        let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: Array(#""2""#.utf8)) })
        #expect(count.position == JSONPosition(line: 8, column: 16, offset: offset))
        #expect(try parser.next() == .endObject)
        #expect(try parser.next() == .endObject)
        #expect { try parser.readValue() } throws: { ($0 as? JSONError)?.code == .noValue }
        #expect(try parser.next() == nil)
    }

    @Test("skipValue at a key skips the whole member; skipped input is still validated")
    func skipping() throws {
        var parser = JSONPullParser(source: MemoryByteSource(#"{"a": {"x": [1, {"y": "z"}]}, "b": 2}"#))
        #expect(try parser.next() == .beginObject)
        try parser.skipValue()
        #expect(parser.position.offset == 6)
        #expect(try parser.next() == .key("b"))
        #expect(try parser.next() == .number("2"))
        #expect(try parser.next() == .endObject)
        #expect(try parser.next() == nil)

        var strict = JSONPullParser(source: MemoryByteSource(#"[{"a": [1, 02]}, 3]"#))
        #expect(try strict.next() == .beginArray)
        let error = try #require(throws: JSONError.self) { try strict.skipValue() }
        #expect(error.code == .invalidNumber)
        #expect(error.position.offset == 12)
    }

    @Test("skipValue and readValue agree with next() on where each value ends", arguments: [1, 3, 4096])
    func skipAgreesWithRead(maxChunk: Int) throws {
        var reader = JSONPullParser(source: MemoryByteSource(sampleDocument, maxChunk: maxChunk), chunkSize: 16)
        var skipper = JSONPullParser(source: MemoryByteSource(sampleDocument, maxChunk: maxChunk), chunkSize: 16)
        for _ in 0..<5 {
            _ = try reader.next()
            _ = try skipper.next()
        }
        while try reader.peekKind() != .endArray {
            _ = try reader.readValue()
            try skipper.skipValue()
            #expect(reader.position == skipper.position)
            #expect(reader.bytesConsumed == skipper.bytesConsumed)
        }
        #expect(try skipper.next() == .endArray)
    }

    @Test("scalars as values")
    func scalars() throws {
        #expect(try readValue(" 12 ").kind == .number("12"))
        #expect(try readValue("\"é\"").stringValue == "é")
        #expect(try readValue("true").boolValue == true)
        #expect(try readValue("null").isNull)
        #expect(try readValue("[]").arrayValue == [])
        #expect(try readValue("{}").objectValue == [])
    }

    @Test("maxValueBytes limits what readValue builds, at the value's start")
    func valueLimit() throws {
        let limits = JSONLimits(maxValueBytes: 10)
        let text = #"[[1,2,3], "0123456789", [1, 2, 3, 4, 5]]"#
        var parser = JSONPullParser(source: MemoryByteSource(text), limits: limits)
        #expect(try parser.next() == .beginArray)
        #expect(try parser.readValue().arrayValue?.count == 3)
        let error = try #require(throws: JSONError.self) { try parser.readValue() }
        #expect(error.code == .sizeLimit)
        #expect(error.position.offset == 10)
        #expect(error.diagnosticID == "json.limit")

        var skipper = JSONPullParser(source: MemoryByteSource(#"[[1, 2, 3, 4, 5, 6]]"#), limits: limits)
        #expect(try skipper.next() == .beginArray)
        try skipper.skipValue()
        #expect(try skipper.next() == .endArray)

        var nested = JSONPullParser(source: MemoryByteSource(#"{"a": [1, 2, 3, 4, 5, 6, 7]}"#), limits: limits)
        let nestedError = try #require(throws: JSONError.self) { try nested.readValue() }
        #expect(nestedError.position.offset == 0)
    }

    @Test("duplicate keys keep their order; subscript finds the first")
    func duplicates() throws {
        let value = try readValue(#"{"a": 1, "A": 2, "a": 3}"#)
        #expect(value.objectValue?.count == 3)
        #expect(value["a"]?.numberLexeme == "1")
        #expect(value["A"]?.numberLexeme == "2")
        #expect(value["missing"] == nil)
        #expect(value.member("A", "a")?.value.numberLexeme == "1")
        #expect(value.member("b", "A")?.value.numberLexeme == "2")
        #expect(value.member("x") == nil)
    }

    @Test("member matches ASCII case-insensitively when asked")
    func caseInsensitive() throws {
        let value = try readValue(#"{"Title": 1, "ÉTÉ": 2, "été": 3}"#)
        #expect(value.member("title") == nil)
        #expect(value.member("title", caseInsensitive: true)?.value.numberLexeme == "1")
        #expect(value.member("TITLE", "other", caseInsensitive: true)?.key == "Title")
        #expect(value.member("été", caseInsensitive: true)?.value.numberLexeme == "3")
        #expect(value.member("Titl", caseInsensitive: true) == nil)
        #expect(value.member("Titles", caseInsensitive: true) == nil)
        #expect(JSONValue(.array([])).member("a") == nil)
    }

    @Test(
        "int64Value is exact",
        arguments: [
            ("0", Int64?.some(0)), ("-0", 0), ("12", 12), ("-12", -12), ("1.0", 1), ("1e3", 1000), ("1E+3", 1000),
            ("12.50e1", 125), ("100e-2", 1), ("0.0", 0), ("0e10", 0), ("1.5", nil), ("1e-2", nil),
            ("1.00000000000000001", nil), ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil), ("92233720368547758.07e2", .max),
            ("1e19", nil), ("1e100000000", nil),
        ]
    )
    func int64Value(lexeme: String, expected: Int64?) {
        #expect(JSONValue(.number(lexeme)).int64Value == expected)
    }

    @Test("typed accessors answer only for their own type")
    func accessors() {
        let number = JSONValue(.number("2.5"))
        #expect(number.doubleValue == 2.5)
        #expect(number.int64Value == nil)
        #expect(number.stringValue == nil)
        #expect(number.typeName == "number")
        let string = JSONValue(.string("3"))
        #expect(string.doubleValue == nil)
        #expect(string.int64Value == nil)
        #expect(string.numberLexeme == nil)
        #expect(string.typeName == "string")
        #expect(JSONValue(.null).typeName == "null")
        #expect(JSONValue(.bool(false)).typeName == "boolean")
        #expect(JSONValue(.bool(false)).boolValue == false)
        #expect(JSONValue(.array([])).typeName == "array")
        #expect(JSONValue(.object([])).typeName == "object")
        #expect(!JSONValue(.object([])).isNull)
        #expect(JSONValue(.object([])).arrayValue == nil)
        #expect(JSONValue(.array([])).objectValue == nil)
        #expect(JSONValue(.array([]))["a"] == nil)
    }

    @Test("positions take part in equality; equalsIgnoringPositions ignores them")
    func equality() throws {
        let a = try readValue(#"[1, {"k": "v"}]"#)
        let b = try readValue(#"[ 1 , { "k" : "v" } ]"#)
        #expect(a != b)
        #expect(a.equalsIgnoringPositions(b))
        #expect(!a.equalsIgnoringPositions(try readValue(#"[1, {"k": "w"}]"#)))
        #expect(!a.equalsIgnoringPositions(try readValue(#"[1, {"j": "v"}]"#)))
        #expect(!a.equalsIgnoringPositions(try readValue(#"[1]"#)))
        #expect(!a.equalsIgnoringPositions(try readValue(#"[1.0, {"k": "v"}]"#)))
        #expect(Set([a, a, b]).count == 2)
    }

    @Test("JSON Pointer tokens")
    func pointers() {
        #expect(JSONPointer.escape("plain") == "plain")
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.escape("~1") == "~01")
        #expect(JSONPointer.escape("é/") == "é~1")
        #expect(JSONPointer.appending("", "d") == "/d")
        #expect(JSONPointer.appending(JSONPointer.appending("", "d"), "results") == "/d/results")
        #expect(JSONPointer.appending("/d/results", 3) == "/d/results/3")
        #expect(JSONPointer.appending("", "") == "/")
    }
}
