/// SplitMix64: a small, fast, fully specified generator, so the same seed gives the same feed on every platform and
/// every Swift version (the standard library's `random(in:using:)` does not promise a stable mapping, so the helpers
/// below are written out by hand).
public struct SplitMix64 {
    private var state: UInt64

    /// Starts the sequence of a seed.
    /// - Parameter seed: The seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (the modulo bias is below 2^-40 for the bounds used here).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    /// A value in `range`.
    public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `percent`/100.
    public mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A lower-case GUID in the 8-4-4-4-12 form (version 4 bits set).
    public mutating func guid() -> String {
        let high = next()
        let low = next()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        let digits = Array("0123456789abcdef".utf8)
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(32)
        for shift in stride(from: 60, through: 0, by: -4) { nibbles.append(UInt8((high >> UInt64(shift)) & 0xF)) }
        for shift in stride(from: 60, through: 0, by: -4) { nibbles.append(UInt8((low >> UInt64(shift)) & 0xF)) }
        nibbles[12] = 4  // version 4
        nibbles[16] = 8 | (nibbles[16] & 3)  // RFC 4122 variant
        for (index, nibble) in nibbles.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(digits[Int(nibble)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
