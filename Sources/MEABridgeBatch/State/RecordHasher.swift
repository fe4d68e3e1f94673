public import MEABridgeCore

/// The content hash of a canonical record: XXH64 over an unambiguous serialisation of its `Codable` form without
/// its source location and its `updated` date (feeds change `updated` without changing anything else, and a record
/// moved within its file keeps its content).
///
/// The serialisation tags every value with its type and every key or array element with its depth, so that two
/// different records cannot serialise to the same bytes; it follows the model's `Codable` conformances, so a field
/// added to the model is part of the hash without changing this code.
public enum RecordHasher {
    /// The hash of a record's content.
    /// - Parameter record: The record.
    /// - Returns: The 64-bit hash.
    public static func hash(_ record: Record) -> UInt64 {
        var stripped = record
        stripped.updated = nil
        stripped.source = nil
        let encoder = HashingEncoder()
        do {
            try stripped.encode(to: encoder)
        } catch {
            // The model's encoders never throw; should one, the error's text still makes the hash deterministic.
            encoder.sink.string("\(error)")
        }
        return StableHash.xxh64(encoder.sink.bytes)
    }
}

/// The bytes being hashed.
///
/// A class because every container of one encoding appends to the same buffer.
final class HashSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    func tag(_ tag: Character, depth: Int) {
        bytes.append(UInt8(ascii: tag.unicodeScalars.first ?? "?"))
        bytes.append(UInt8(truncatingIfNeeded: depth))
        bytes.append(UInt8(truncatingIfNeeded: depth >> 8))
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "s"))
        integerBytes(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    func integerBytes(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func integer(_ value: Int64) {
        bytes.append(UInt8(ascii: "i"))
        integerBytes(UInt64(bitPattern: value))
    }

    func unsigned(_ value: UInt64) {
        bytes.append(UInt8(ascii: "u"))
        integerBytes(value)
    }

    func double(_ value: Double) {
        bytes.append(UInt8(ascii: "d"))
        integerBytes(value.bitPattern)
    }

    func bool(_ value: Bool) { bytes.append(value ? UInt8(ascii: "T") : UInt8(ascii: "F")) }

    func null() { bytes.append(UInt8(ascii: "n")) }
}

/// An `Encoder` that streams a value's `Codable` form into a `HashSink`.
///
/// A class because `Encoder` values are shared by the containers they hand out.
final class HashingEncoder: Encoder {
    let sink: HashSink
    var depth = 0
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(sink: HashSink = HashSink()) { self.sink = sink }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag("{", depth: depth)
        return KeyedEncodingContainer(HashingKeyedContainer<Key>(encoder: self, depth: depth + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.tag("[", depth: depth)
        return HashingUnkeyedContainer(encoder: self, depth: depth + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { HashingSingleValueContainer(encoder: self) }

    /// Encodes a nested value one level deeper.
    func encodeNested(_ value: some Encodable, depth: Int) throws {
        let saved = self.depth
        self.depth = depth
        defer { self.depth = saved }
        try value.encode(to: self)
    }
}

private struct HashingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: HashingEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private var sink: HashSink { encoder.sink }

    init(encoder: HashingEncoder, depth: Int) {
        self.encoder = encoder
        self.depth = depth
    }

    private func key(_ key: Key) {
        sink.tag("k", depth: depth)
        sink.string(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        sink.null()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.key(key)
        sink.bool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        sink.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.key(key)
        sink.double(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        self.key(key)
        sink.double(Double(value))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.key(key)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        self.key(key)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        self.key(key)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        self.key(key)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        self.key(key)
        sink.integer(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        self.key(key)
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        self.key(key)
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        self.key(key)
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        self.key(key)
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        self.key(key)
        sink.unsigned(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.encodeNested(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        sink.tag("{", depth: depth + 1)
        return KeyedEncodingContainer(HashingKeyedContainer<NestedKey>(encoder: encoder, depth: depth + 2))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        sink.tag("[", depth: depth + 1)
        return HashingUnkeyedContainer(encoder: encoder, depth: depth + 2)
    }

    mutating func superEncoder() -> any Encoder {
        sink.tag("^", depth: depth)
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return encoder
    }
}

private struct HashingUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: HashingEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0
    private var sink: HashSink { encoder.sink }

    init(encoder: HashingEncoder, depth: Int) {
        self.encoder = encoder
        self.depth = depth
    }

    private mutating func element() {
        sink.tag("e", depth: depth)
        count += 1
    }

    mutating func encodeNil() throws {
        element()
        sink.null()
    }
    mutating func encode(_ value: Bool) throws {
        element()
        sink.bool(value)
    }
    mutating func encode(_ value: String) throws {
        element()
        sink.string(value)
    }
    mutating func encode(_ value: Double) throws {
        element()
        sink.double(value)
    }
    mutating func encode(_ value: Float) throws {
        element()
        sink.double(Double(value))
    }
    mutating func encode(_ value: Int) throws {
        element()
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int8) throws {
        element()
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int16) throws {
        element()
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int32) throws {
        element()
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int64) throws {
        element()
        sink.integer(value)
    }
    mutating func encode(_ value: UInt) throws {
        element()
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt8) throws {
        element()
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt16) throws {
        element()
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt32) throws {
        element()
        sink.unsigned(UInt64(value))
    }
    mutating func encode(_ value: UInt64) throws {
        element()
        sink.unsigned(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        element()
        try encoder.encodeNested(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        element()
        sink.tag("{", depth: depth + 1)
        return KeyedEncodingContainer(HashingKeyedContainer<NestedKey>(encoder: encoder, depth: depth + 2))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        sink.tag("[", depth: depth + 1)
        return HashingUnkeyedContainer(encoder: encoder, depth: depth + 2)
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return encoder
    }
}

private struct HashingSingleValueContainer: SingleValueEncodingContainer {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }
    private var sink: HashSink { encoder.sink }

    mutating func encodeNil() throws { sink.null() }
    mutating func encode(_ value: Bool) throws { sink.bool(value) }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Double) throws { sink.double(value) }
    mutating func encode(_ value: Float) throws { sink.double(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeNested(value, depth: encoder.depth) }
}
