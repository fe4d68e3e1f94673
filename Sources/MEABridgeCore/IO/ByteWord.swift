/// Eight bytes looked at as one word ("SWAR"): what the scanners that pass over ordinary bytes a word at a time
/// share (the CSV tokenizer, JSON output escaping, the rules' control-character check).
///
/// A mark is the high bit of a byte of the result. The lowest mark is always exact; marks above a true one may be
/// spurious (a borrow crosses into the next byte), which is all a scanner looking for the first such byte needs:
/// ``first(_:)`` gives its offset.
public enum ByteWord {
    /// A byte repeated in every byte of a word.
    /// - Parameter byte: The byte.
    /// - Returns: The word.
    @inlinable
    public static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Eight bytes from memory, the first in the low byte (on any platform).
    /// - Parameters:
    ///   - base: The memory.
    ///   - offset: The offset of the first byte.
    /// - Returns: The word.
    @inlinable
    public static func load(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Marks the bytes of `word` below `bound` (at most 0x80).
    /// - Parameters:
    ///   - word: Eight bytes.
    ///   - bound: The bound.
    /// - Returns: The marks; zero when no byte is below the bound.
    @inlinable
    public static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- repeating(bound)) & ~word & 0x8080_8080_8080_8080
    }

    /// Marks the bytes of `word` equal to the byte repeated in `pattern` (``repeating(_:)``).
    /// - Parameters:
    ///   - word: Eight bytes.
    ///   - pattern: The byte, repeated.
    /// - Returns: The marks; zero when no byte is equal.
    @inlinable
    public static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 { below(word ^ pattern, 1) }

    /// The offset (0–7) of the byte of the lowest mark.
    /// - Parameter marks: Non-zero marks.
    /// - Returns: The offset.
    @inlinable
    public static func first(_ marks: UInt64) -> Int { marks.trailingZeroBitCount &>> 3 }
}
