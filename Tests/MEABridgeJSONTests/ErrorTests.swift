import MEABridgeCore
import MEABridgeJSON
import Testing

/// An input that must fail, with the code and position it must fail with.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var input: [UInt8]
    var code: JSONError.Code
    var offset: Int
    var line = 1
    var column: Int?
    var limits = JSONLimits()

    init(_ text: String, _ code: JSONError.Code, at offset: Int, line: Int = 1, column: Int? = nil) {
        self.input = Array(text.utf8)
        self.code = code
        self.offset = offset
        self.line = line
        self.column = column
    }

    init(bytes: [UInt8], _ code: JSONError.Code, at offset: Int) {
        self.input = bytes
        self.code = code
        self.offset = offset
    }

    var testDescription: String { String(decoding: input, as: UTF8.self).debugDescription }
}

@Suite("Errors")
struct ErrorTests {
    static let cases: [ErrorCase] = [
        // Grammar.
        ErrorCase("[1 2]", .unexpectedCharacter, at: 3),
        ErrorCase(#"{"a" 1}"#, .unexpectedCharacter, at: 5),
        ErrorCase(#"{"a":1 "b":2}"#, .unexpectedCharacter, at: 7),
        ErrorCase("[1,]", .unexpectedCharacter, at: 3),
        ErrorCase(#"{"a":1,}"#, .unexpectedCharacter, at: 7),
        ErrorCase("{,}", .unexpectedCharacter, at: 1),
        ErrorCase("[,1]", .unexpectedCharacter, at: 1),
        ErrorCase("['a']", .unexpectedCharacter, at: 1),
        ErrorCase("{'a': 1}", .unexpectedCharacter, at: 1),
        ErrorCase("{a: 1}", .unexpectedCharacter, at: 1),
        ErrorCase("[NaN]", .unexpectedCharacter, at: 1),
        ErrorCase("[Infinity]", .unexpectedCharacter, at: 1),
        ErrorCase("[+1]", .unexpectedCharacter, at: 1),
        ErrorCase("[.5]", .unexpectedCharacter, at: 1),
        ErrorCase("[1}", .unexpectedCharacter, at: 2),
        ErrorCase(#"{"a":1]"#, .unexpectedCharacter, at: 6),
        ErrorCase("[tru]", .unexpectedCharacter, at: 4),
        ErrorCase("[nulL]", .unexpectedCharacter, at: 4),
        ErrorCase("[fals e]", .unexpectedCharacter, at: 5),
        ErrorCase("[truex]", .unexpectedCharacter, at: 5),
        ErrorCase("[1x]", .unexpectedCharacter, at: 2),
        ErrorCase("[\"a\tb\"]", .unexpectedCharacter, at: 3),
        ErrorCase("[\"a\nb\"]", .unexpectedCharacter, at: 3),
        ErrorCase("/* c */ 1", .unexpectedCharacter, at: 0),
        ErrorCase(bytes: [0x5B, 0xC3, 0xA9, 0x5D], .unexpectedCharacter, at: 1),
        // Numbers.
        ErrorCase("[01]", .invalidNumber, at: 2),
        ErrorCase("[-01]", .invalidNumber, at: 3),
        ErrorCase("[00]", .invalidNumber, at: 2),
        ErrorCase("[1.]", .invalidNumber, at: 3),
        ErrorCase("[1.e5]", .invalidNumber, at: 3),
        ErrorCase("[-]", .invalidNumber, at: 2),
        ErrorCase("[-a]", .invalidNumber, at: 2),
        ErrorCase("[1e]", .invalidNumber, at: 3),
        ErrorCase("[1e+]", .invalidNumber, at: 4),
        ErrorCase("[1E-x]", .invalidNumber, at: 4),
        ErrorCase("01", .invalidNumber, at: 1),
        ErrorCase("[\n  1,\n  02\n]", .invalidNumber, at: 10, line: 3, column: 4),
        // Escapes.
        ErrorCase(#"["\x"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["ab\'"]"#, .invalidEscape, at: 4),
        ErrorCase(#"["\u12G4"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["\u12"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["\uDC00"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["\uD800"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["x\uD800\u0041"]"#, .invalidEscape, at: 3),
        ErrorCase(#"["\uD800\uD800"]"#, .invalidEscape, at: 2),
        ErrorCase(#"["\uDBFFx"]"#, .invalidEscape, at: 2),
        // UTF-8 inside strings: the position of the bad byte.
        ErrorCase(bytes: Array(#"["a"#.utf8) + [0xC3, 0x28] + Array(#""]"#.utf8), .invalidUTF8, at: 4),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xFF] + Array(#""]"#.utf8), .invalidUTF8, at: 2),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0x80] + Array(#""]"#.utf8), .invalidUTF8, at: 2),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8), .invalidUTF8, at: 2),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xE0, 0x80, 0xAF] + Array(#""]"#.utf8), .invalidUTF8, at: 3),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""]"#.utf8), .invalidUTF8, at: 3),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(#""]"#.utf8), .invalidUTF8, at: 3),
        ErrorCase(bytes: Array(#"[""#.utf8) + [0xF0, 0x9F, 0x98, 0x41] + Array(#""]"#.utf8), .invalidUTF8, at: 5),
        ErrorCase(bytes: Array(#"{"k"#.utf8) + [0xE2, 0x82] + Array(#"":1}"#.utf8), .invalidUTF8, at: 5),
        // Truncation: the position is the end of the input.
        ErrorCase("", .unexpectedEnd, at: 0),
        ErrorCase("  \n ", .unexpectedEnd, at: 4, line: 2, column: 2),
        ErrorCase(#"{"a":"#, .unexpectedEnd, at: 5),
        ErrorCase(#"{"a""#, .unexpectedEnd, at: 4),
        ErrorCase(#"["abc"#, .unexpectedEnd, at: 5),
        ErrorCase(#"["ab\"#, .unexpectedEnd, at: 5),
        ErrorCase(#"["\u00"#, .unexpectedEnd, at: 6),
        ErrorCase(#"["\uD83D"#, .unexpectedEnd, at: 8),
        ErrorCase(#"["\uD83D\u"#, .unexpectedEnd, at: 10),
        ErrorCase("[1,\n", .unexpectedEnd, at: 4, line: 2, column: 1),
        ErrorCase("[1", .unexpectedEnd, at: 2),
        ErrorCase("[-", .unexpectedEnd, at: 2),
        ErrorCase("1.", .unexpectedEnd, at: 2),
        ErrorCase("1e-", .unexpectedEnd, at: 3),
        ErrorCase("[nu", .unexpectedEnd, at: 3),
        ErrorCase("{", .unexpectedEnd, at: 1),
        ErrorCase(bytes: [0x5B, 0x22, 0xE2, 0x82], .unexpectedEnd, at: 4),
        ErrorCase(bytes: [0xEF, 0xBB], .unexpectedEnd, at: 2),
        // Trailing data.
        ErrorCase("[1]x", .trailingData, at: 3),
        ErrorCase("{} {}", .trailingData, at: 3),
        ErrorCase("1 2", .trailingData, at: 2),
        ErrorCase("null\n\n,", .trailingData, at: 6, line: 3, column: 1),
        // Encodings.
        ErrorCase(bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], .utf16Input, at: 0),
        ErrorCase(bytes: [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], .utf16Input, at: 0),
        ErrorCase(bytes: [0x5B, 0x00, 0x5D, 0x00], .utf16Input, at: 0),
        ErrorCase(bytes: [0x00, 0x5B, 0x00, 0x5D], .utf16Input, at: 0),
        ErrorCase(bytes: [0x00, 0x00, 0x00, 0x5B], .utf16Input, at: 0),
        ErrorCase(bytes: [0x5B, 0x00, 0x00, 0x00], .utf16Input, at: 0),
    ]

    @Test("each malformed input fails with its code at its exact position", arguments: cases)
    func malformed(errorCase: ErrorCase) throws {
        for maxChunk in [Int.max, 1, 3] {
            let error = try #require(firstError(errorCase.input, maxChunk: maxChunk, limits: errorCase.limits))
            #expect(error.code == errorCase.code, "\(error)")
            #expect(error.position.offset == errorCase.offset, "\(error)")
            #expect(error.position.line == errorCase.line, "\(error)")
            #expect(error.position.column == (errorCase.column ?? errorCase.offset + 1), "\(error)")
            #expect(error.ioFailure == nil)
            // Every way of reading the input meets the same error.
            var parser = JSONPullParser(source: MemoryByteSource(errorCase.input, maxChunk: maxChunk))
            #expect(throws: error) {
                _ = try parser.readValue()
                try parser.finish()
            }
            var skipper = JSONPullParser(source: MemoryByteSource(errorCase.input, maxChunk: maxChunk))
            #expect(throws: error) {
                try skipper.skipValue()
                try skipper.finish()
            }
        }
    }

    @Test("UTF-16 and UTF-32 input is named in the message")
    func encodingMessages() throws {
        let utf16 = try #require(firstError([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]))
        #expect(utf16.message == "input is UTF-16; convert it to UTF-8")
        #expect(utf16.diagnosticID == "json.encoding")
        let utf16BigEndian = try #require(firstError(Array("[1]".utf8).flatMap { [0, $0] }))
        #expect(utf16BigEndian.message == "input is UTF-16; convert it to UTF-8")
        let utf32 = try #require(firstError([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00]))
        #expect(utf32.message == "input is UTF-32; convert it to UTF-8")
    }

    @Test("messages explain the problem")
    func messages() throws {
        #expect(try #require(firstError("[1,]")).message == "trailing comma before ']'")
        #expect(try #require(firstError(#"{"a":1,}"#)).message == "trailing comma before '}'")
        #expect(try #require(firstError(#"{"a" 1}"#)).message == "expected ':' after the member name, found '1'")
        #expect(try #require(firstError("['a']")).message.contains("single quotes"))
        #expect(try #require(firstError("[NaN]")).message.contains("NaN"))
        #expect(try #require(firstError("[01]")).message.contains("leading zeros"))
        #expect(
            try #require(firstError("[\"a\tb\"]")).message == "control character U+0009 must be escaped in a string"
        )
        #expect(try #require(firstError("")).message == "the input is empty")
        #expect(try #require(firstError("[\"abc")).message.contains("inside a string"))
        let error = try #require(firstError("[\n1 2]"))
        #expect(error.description == "2:3: expected ',' or ']' after an array element, found '2'")
    }

    @Test("every code maps to a diagnostic id")
    func diagnosticIDs() throws {
        let expected: [(JSONError.Code, DiagnosticID)] = [
            (.unexpectedEnd, "json.unexpected-end"), (.unexpectedCharacter, "json.syntax"),
            (.invalidUTF8, "json.invalid-utf8"), (.invalidEscape, "json.invalid-escape"),
            (.invalidNumber, "json.invalid-number"), (.depthLimit, "json.limit"), (.sizeLimit, "json.limit"),
            (.utf16Input, "json.encoding"), (.trailingData, "json.trailing-data"), (.io, "io.read"),
            (.noValue, "json.usage"),
        ]
        for (code, id) in expected {
            #expect(code.diagnosticID == id)
        }
        let error = try #require(firstError("[1 2]"))
        let diagnostic = error.diagnostic(source: "feed.json", path: "/1")
        #expect(diagnostic.id == "json.syntax")
        #expect(diagnostic.severity == .fatal)
        #expect(diagnostic.formatted == "feed.json:1:4: fatal: \(error.message) (at /1) [json.syntax]")
    }

    @Test("every prefix of a document is either truncated at its end or the complete document")
    func truncationAtEveryOffset() {
        let bytes = Array(sampleDocument.utf8)
        let complete = readEvents(bytes)
        #expect(complete.error == nil)
        let lastBrace = bytes.lastIndex(of: UInt8(ascii: "}")) ?? 0
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            let newlines = prefix.filter { $0 == 0x0A }.count
            let lineStart = (prefix.lastIndex(of: 0x0A) ?? -1) + 1
            for maxChunk in [Int.max, 1] {
                let outcome = readEvents(prefix, maxChunk: maxChunk, chunkSize: 16)
                if length > lastBrace {
                    #expect(outcome == complete, "prefix \(length)")
                    continue
                }
                guard let error = outcome.error else {
                    Issue.record("prefix of \(length) bytes parsed without error")
                    continue
                }
                #expect(error.code == .unexpectedEnd, "prefix \(length): \(error)")
                #expect(
                    error.position == JSONPosition(line: newlines + 1, column: length - lineStart + 1, offset: length),
                    "prefix \(length): \(error)"
                )
                #expect(outcome.events == Array(complete.events.prefix(outcome.events.count)))
            }
            var reader = JSONPullParser(source: MemoryByteSource(prefix, maxChunk: 5), chunkSize: 16)
            var skipper = JSONPullParser(source: MemoryByteSource(prefix, maxChunk: 5), chunkSize: 16)
            if length > lastBrace {
                #expect(throws: Never.self) {
                    _ = try reader.readValue()
                    try skipper.skipValue()
                }
            } else {
                #expect { _ = try reader.readValue() } throws: { ($0 as? JSONError)?.code == .unexpectedEnd }
                #expect { try skipper.skipValue() } throws: { ($0 as? JSONError)?.code == .unexpectedEnd }
            }
        }
    }

    @Test("changing any byte of a document never crashes and gives the same outcome in any chunking")
    func mutations() {
        let bytes = Array(sampleDocument.utf8)
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x7B, 0x5D, 0x2C, 0x31, 0x80, 0xC3, 0xFF, 0x0A]
        for index in bytes.indices {
            for replacement in replacements where bytes[index] != replacement {
                var mutated = bytes
                mutated[index] = replacement
                let whole = readEvents(mutated)
                #expect(readEvents(mutated, maxChunk: 1, chunkSize: 16) == whole, "byte \(index) -> \(replacement)")
                if let error = whole.error {
                    #expect(error.position.offset >= 0 && error.position.offset <= mutated.count)
                }
            }
        }
    }

    @Test("nesting deeper than maxDepth fails at the first bracket too many, without stack overflow")
    func depthLimit() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(firstError(deep))
        #expect(error.code == .depthLimit)
        #expect(error.position.offset == 512)
        #expect(error.diagnosticID == "json.limit")
        var reader = JSONPullParser(source: MemoryByteSource(deep))
        #expect(throws: error) { try reader.readValue() }
        var skipper = JSONPullParser(source: MemoryByteSource(deep, maxChunk: 1000))
        #expect(throws: error) { try skipper.skipValue() }

        let limits = JSONLimits(maxDepth: 3)
        #expect(firstError("[[[1]]]", limits: limits) == nil)
        let shallow = try #require(firstError(#"[{"a":[[]]}]"#, limits: limits))
        #expect(shallow.code == .depthLimit)
        #expect(shallow.position.offset == 7)

        let exact = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(firstError(exact) == nil)
        let value = try readValue(exact)
        #expect(value.arrayValue?.count == 1)
    }

    @Test("strings and numbers longer than maxStringBytes fail at their start", arguments: [16, 4096])
    func stringLimit(chunkSize: Int) throws {
        let limits = JSONLimits(maxStringBytes: 10)
        let fits = readEvents(#"["0123456789", 1234567890]"#, chunkSize: chunkSize, limits: limits)
        #expect(fits.error == nil)
        let long = try #require(readEvents(#"[1, "0123456789A"]"#, chunkSize: chunkSize, limits: limits).error)
        #expect(long.code == .sizeLimit)
        #expect(long.position.offset == 4)
        let number = try #require(readEvents("[12345678901]", chunkSize: chunkSize, limits: limits).error)
        #expect(number.code == .sizeLimit)
        #expect(number.position.offset == 1)
        let key = try #require(readEvents(#"{"abcdefghijk": 1}"#, chunkSize: chunkSize, limits: limits).error)
        #expect(key.code == .sizeLimit)
        #expect(key.position.offset == 1)
        // An endless string stops at the limit instead of filling memory.
        let endless = [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let stopped = try #require(
            readEvents(endless, maxChunk: 4096, chunkSize: 16, limits: JSONLimits(maxStringBytes: 1000)).error
        )
        #expect(stopped.code == .sizeLimit)
        #expect(stopped.position.offset == 0)
    }

    @Test("a failing source gives an io error that keeps the cause")
    func ioFailure() throws {
        var parser = JSONPullParser(source: FailingSource(bytes: Array(#"{"a": [1, 2"#.utf8)))
        var events: [JSONEvent] = []
        let error: JSONError
        do {
            while let event = try parser.next() { events.append(event) }
            Issue.record("no error")
            return
        } catch let caught {
            error = caught
        }
        #expect(events == [.beginObject, .key("a"), .beginArray, .number("1")])
        #expect(error.code == .io)
        #expect(error.ioFailure?.message == "device on fire")
        #expect(error.message.contains("broken.json"))
        #expect(error.position.offset == 11)
        #expect(error.diagnostic(source: "broken.json").cause == "device on fire")
    }

    @Test("after an error every call throws the same error")
    func stickyError() throws {
        var parser = JSONPullParser(source: MemoryByteSource("[1 2]"))
        #expect(try parser.next() == .beginArray)
        #expect(try parser.next() == .number("1"))
        let error = try #require(throws: JSONError.self) { try parser.next() }
        #expect(throws: error) { try parser.next() }
        #expect(throws: error) { try parser.peekKind() }
        #expect(throws: error) { try parser.readValue() }
        #expect(throws: error) { try parser.skipValue() }
    }
}
