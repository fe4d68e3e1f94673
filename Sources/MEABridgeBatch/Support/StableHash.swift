/// Hashes that stay the same across processes and machines (Swift's `Hasher` is seeded per process): XXH64 for
/// content and FNV-1a for shard selection.
public enum StableHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of bytes.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - seed: The seed.
    /// - Returns: The 64-bit hash.
    public static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var index = 0
        var hash: UInt64
        @inline(__always) func read64(_ at: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        @inline(__always) func read32(_ at: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while index + 32 <= count {
                v1 = round(v1, read64(index))
                v2 = round(v2, read64(index + 8))
                v3 = round(v3, read64(index + 16))
                v4 = round(v4, read64(index + 24))
                index += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while index + 8 <= count {
            hash ^= round(0, read64(index))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= count {
            hash ^= read32(index) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            index += 4
        }
        while index < count {
            hash ^= UInt64(bytes[index]) &* prime5
            hash = rotate(hash, 11) &* prime1
            index += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    /// XXH64 of a byte array.
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - seed: The seed.
    /// - Returns: The 64-bit hash.
    public static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { xxh64($0, seed: seed) }
    }

    /// XXH64 of a string's UTF-8 bytes.
    /// - Parameters:
    ///   - text: The string.
    ///   - seed: The seed.
    /// - Returns: The 64-bit hash.
    public static func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        xxh64(Array(text.utf8), seed: seed)
    }

    /// FNV-1a (64-bit) of a string's UTF-8 bytes: simple, stable and documented, so shards can be recomputed by
    /// other tools.
    /// - Parameter text: The string.
    /// - Returns: The 64-bit hash.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(text.utf8)
        return hash.value
    }

    /// FNV-1a (64-bit) fed in pieces: the same value as ``fnv1a(_:)`` over the concatenated bytes.
    public struct FNV1a {
        /// The hash of the bytes added so far.
        public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        /// Starts an empty hash.
        public init() {}

        /// Adds bytes.
        /// - Parameter bytes: The bytes.
        public mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
        }
    }

    /// A hash as 16 lower-case hexadecimal digits.
    /// - Parameter hash: The hash.
    /// - Returns: The digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }
}

/// Selects a stable share of the inputs, `--shard K/N`: an input belongs to shard K when the FNV-1a hash of its path
/// modulo N is K − 1, so N jobs given the same inputs split them without overlap and without talking to each other.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based shard number K.
    public let index: Int
    /// The number of shards N.
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    /// - Parameter text: The shard, such as `2/4`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// Creates shard `index` of `count`.
    /// - Parameters:
    ///   - index: K, from 1.
    ///   - count: N.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count) is out of range")
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether an input belongs to this shard.
    /// - Parameter path: The input's path as the batch names it (`dir/file.json`, `archive.zip!/entry.json`).
    /// - Returns: `true` when it does.
    public func contains(_ path: String) -> Bool {
        StableHash.fnv1a(path) % UInt64(count) == UInt64(index - 1)
    }
}
