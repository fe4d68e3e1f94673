/// Text with position markers (`1️⃣`, `2️⃣`, …) that tests strip before parsing, keeping where each marker stood.
///
/// A fixture says where a diagnostic must point by placing a marker right before the offending value; the test
/// then compares the diagnostic's line and column with the marker's.
public struct MarkedText: Sendable {
    /// A marker's position in the text without markers.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line.
        public var line: Int
        /// 1-based column, in bytes.
        public var column: Int
        /// 0-based byte offset.
        public var offset: Int

        /// `line:column`.
        public var description: String { "\(line):\(column)" }
    }

    /// The markers recognised, in order.
    public static let markerSymbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The text with every marker removed.
    public let text: String
    /// The bytes of the text with every marker removed, exactly: with ``init(bytes:)`` they keep bytes that are not
    /// UTF-8, which ``text`` (decoded) cannot hold.
    public let bytes: [UInt8]
    /// Where each marker stood, by symbol.
    public let markers: [String: Position]

    /// Strips the markers out of `marked`.
    /// - Parameter marked: Text containing markers.
    public init(_ marked: String) {
        var clean: [UInt8] = []
        var markers: [String: Position] = [:]
        var line = 1
        var lineStart = 0
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for symbol in Self.markerSymbols where rest.hasPrefix(symbol) {
                markers[symbol] = Position(line: line, column: clean.count - lineStart + 1, offset: clean.count)
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            let character = rest.removeFirst()
            for byte in character.utf8 {
                clean.append(byte)
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = clean.count
                }
            }
        }
        text = String(decoding: clean, as: UTF8.self)
        bytes = clean
        self.markers = markers
    }

    /// Strips the markers out of raw bytes, which may hold bytes that are not UTF-8 (a fixture for encoding errors):
    /// each marker's UTF-8 form is removed wherever it occurs, and every other byte is kept as it is.
    /// - Parameter marked: The bytes of a fixture containing markers.
    public init(bytes marked: [UInt8]) {
        let symbols = Self.markerSymbols.map { ($0, Array($0.utf8)) }
        var clean: [UInt8] = []
        var markers: [String: Position] = [:]
        var line = 1
        var lineStart = 0
        var index = 0
        outer: while index < marked.count {
            for (symbol, utf8) in symbols where marked[index...].starts(with: utf8) {
                markers[symbol] = Position(line: line, column: clean.count - lineStart + 1, offset: clean.count)
                index += utf8.count
                continue outer
            }
            let byte = marked[index]
            clean.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = clean.count
            }
        }
        text = String(decoding: clean, as: UTF8.self)
        bytes = clean
        self.markers = markers
    }

    /// The position of a marker.
    /// - Parameter symbol: The marker, such as `1️⃣`.
    public subscript(symbol: String) -> Position? { markers[symbol] }
}
