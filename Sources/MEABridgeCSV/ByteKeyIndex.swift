/// A set of byte strings, each given a dense index (0, 1, 2, … in order of insertion), looked up without building
/// `String`s or arrays: an open-addressing table of 64-bit hashes over one buffer holding every key.
///
/// It is what the table-schema check (`enum` values) and the CSV readers (values already decoded, by their bytes)
/// look values up with, once per field of every row, so a lookup costs a hash of the bytes, usually one probe and
/// one comparison of the bytes.
package struct ByteKeyIndex: Sendable {
    private struct Slot {
        /// The key's bytes when it has at most eight, else its hash (``key(_:)``).
        var hash: UInt64
        var start: UInt32
        var count: UInt32
        /// The key's index; -1 for an empty slot.
        var index: Int32
    }

    private var slots: [Slot]
    private var keys: [UInt8] = []
    private var mask: Int
    /// The number of keys.
    package private(set) var count = 0

    /// Creates an empty index.
    /// - Parameter capacity: The number of keys expected (the table grows past it).
    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, start: 0, count: 0, index: -1), count: size)
        mask = size - 1
    }

    /// Creates an index of the UTF-8 bytes of some texts (repeated texts get the index of their first occurrence).
    /// - Parameter texts: The texts.
    package init(_ texts: [String]) {
        self.init(capacity: texts.count)
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                if index(of: bytes) < 0 { _ = insert(bytes) }
            }
        }
    }

    /// What a slot stores of a key: for a key of up to eight bytes, the bytes themselves (so that equal words and
    /// lengths are equal keys, with no bytes to compare), else a 64-bit hash of them.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard count <= 8 else { return hash(bytes) }
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        if count >= 4 {
            // The first four bytes, and the bytes after them from a load of the last four.
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | (last >> (UInt64(8 - count) &* 8)) << 32
        }
        let first = UInt64(raw.load(as: UInt8.self))
        if count == 1 { return first }
        let last = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
        return count == 2 ? last : first | last << 8
    }

    /// The slot where the search for a key starts.
    @inline(__always)
    private func start(_ key: UInt64) -> Int {
        var mixed = key &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 32
        return Int(truncatingIfNeeded: mixed) & mask
    }

    /// A 64-bit hash of bytes, eight at a time.
    /// - Parameter bytes: The bytes.
    /// - Returns: The hash.
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = bytes.baseAddress, count > 0 else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        if offset < count {
            // The last one to seven bytes in at most two loads that may overlap (each byte is in the word, so keys
            // of the same length that differ get different words).
            let rest = count - offset
            let tail = raw + offset
            let word: UInt64
            if rest >= 4 {
                word =
                    UInt64(tail.loadUnaligned(as: UInt32.self))
                    | UInt64(tail.loadUnaligned(fromByteOffset: rest - 4, as: UInt32.self)) << 32
            } else if rest >= 2 {
                word =
                    UInt64(tail.loadUnaligned(as: UInt16.self))
                    | UInt64(tail.loadUnaligned(fromByteOffset: rest - 2, as: UInt16.self)) << 16
            } else {
                word = UInt64(tail.load(as: UInt8.self))
            }
            hash = (hash ^ word) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 32
        return hash
    }

    /// The index of a key.
    /// - Parameter bytes: The key.
    /// - Returns: Its index, or -1 when it is not in the index.
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let key = Self.key(bytes)
        let short = bytes.count <= 8
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var position = start(key)
                while true {
                    let slot = slots[position]
                    if slot.index < 0 { return -1 }
                    if slot.hash == key, Int(slot.count) == bytes.count {
                        if short { return Int(slot.index) }
                        // Empty keys have no bytes to compare (and their buffers may have no address).
                        guard let stored = keys.baseAddress, let given = bytes.baseAddress else {
                            return Int(slot.index)
                        }
                        if Self.equal(stored + Int(slot.start), given, bytes.count) { return Int(slot.index) }
                    }
                    position = (position + 1) & mask
                }
            }
        }
    }

    /// Whether `count` bytes are the same at two addresses (compared eight at a time: keys are short, and a call to
    /// `memcmp` costs more than comparing them).
    @inline(__always)
    private static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let a = UnsafeRawPointer(left)
        let b = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether a key is in the index.
    /// - Parameter bytes: The key.
    /// - Returns: `true` when it is.
    package func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { index(of: bytes) >= 0 }

    /// Adds a key that is not in the index yet.
    /// - Parameter bytes: The key.
    /// - Returns: Its index (the number of keys before it).
    @discardableResult
    package mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let index = count
        let slot = Slot(
            hash: Self.key(bytes),
            start: UInt32(keys.count),
            count: UInt32(bytes.count),
            index: Int32(index)
        )
        keys.append(contentsOf: bytes)
        place(slot)
        count += 1
        return index
    }

    private mutating func place(_ slot: Slot) {
        var position = start(slot.hash)
        while slots[position].index >= 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, start: 0, count: 0, index: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.index >= 0 { place(slot) }
    }
}
