/// SplitMix64: a small, fully specified generator, so the same seed gives the same feed on every platform and Swift
/// version (the standard library's random APIs do not promise a stable mapping).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A value in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A lower-case version 4 GUID.
    mutating func guid() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var nibbles: [UInt8] = []
        for word in [next(), next()] {
            for shift in stride(from: 60, through: 0, by: -4) { nibbles.append(UInt8((word >> UInt64(shift)) & 0xF)) }
        }
        nibbles[12] = 4
        nibbles[16] = 8 | (nibbles[16] & 3)
        var bytes: [UInt8] = []
        for (index, nibble) in nibbles.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(digits[Int(nibble)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
