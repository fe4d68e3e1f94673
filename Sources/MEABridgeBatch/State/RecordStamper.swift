public import MEABridgeCore

/// What the state knows of one record from the previous runs.
public struct RecordMemory: Sendable, Hashable {
    /// The content hash (`RecordHasher`).
    public var hash: UInt64
    /// When the content last changed, in milliseconds since 1970.
    public var changed: Int64

    /// Creates a memory.
    /// - Parameters:
    ///   - hash: The content hash.
    ///   - changed: When the content last changed.
    public init(hash: UInt64, changed: Int64) {
        self.hash = hash
        self.changed = changed
    }
}

/// One record as this run saw it: its key within its input, its content hash and when it last changed.
public struct RecordStamp: Sendable, Hashable {
    /// `entity<TAB>id`, with `#2`, `#3`… for later records that repeat an id in the same input.
    public var key: String
    /// The content hash.
    public var hash: UInt64
    /// When the content last changed (this run's time when it is new or changed).
    public var changed: Int64
}

/// Gives each record of one input its monotonic `updated`: the time its content last changed, as the state
/// remembers it, or this run's time when the record is new or its content changed.
public struct RecordStamper: Sendable {
    /// This run's time, in milliseconds since 1970.
    public let now: Int64
    private let previous: [String: RecordMemory]
    private var occurrences: [String: Int] = [:]
    /// The records seen so far, in input order.
    public private(set) var stamps: [RecordStamp] = []
    /// How many records are new or changed.
    public private(set) var changedCount = 0

    /// Creates a stamper for one input.
    /// - Parameters:
    ///   - previous: The state's records of this input, by key.
    ///   - now: This run's time.
    public init(previous: [String: RecordMemory], now: Int64) {
        self.previous = previous
        self.now = now
    }

    /// The key of a record within its input.
    /// - Parameters:
    ///   - kind: The entity.
    ///   - id: The record's id.
    ///   - occurrence: 1 for the first record with this id, 2 for the next…
    /// - Returns: `entity<TAB>id`, with `#n` from the second occurrence on.
    public static func key(kind: EntityKind, id: String, occurrence: Int) -> String {
        let base = kind.rawValue + "\t" + id
        return occurrence > 1 ? base + "#\(occurrence)" : base
    }

    /// Records the record and sets its `updated` to the time its content last changed.
    /// - Parameter record: The record, changed in place.
    public mutating func stamp(_ record: inout Record) {
        let base = record.kind.rawValue + "\t" + record.id
        let occurrence = (occurrences[base] ?? 0) + 1
        occurrences[base] = occurrence
        let key = Self.key(kind: record.kind, id: record.id, occurrence: occurrence)
        let hash = RecordHasher.hash(record)
        let changed: Int64
        if let memory = previous[key], memory.hash == hash {
            changed = memory.changed
        } else {
            changed = now
            changedCount += 1
        }
        stamps.append(RecordStamp(key: key, hash: hash, changed: changed))
        record.updated = DateValue(epochMilliseconds: changed, precision: .instant)
    }
}

/// A writer that stamps each record (when a stamper is set) before handing it to the real writer.
struct StampingWriter<Base: RecordWriter>: RecordWriter {
    static var format: FormatDescriptor { Base.format }

    var base: Base
    var stamper: RecordStamper?

    init(options: WriteOptions) {
        base = Base(options: options)
        stamper = nil
    }

    mutating func begin(into out: inout [UInt8]) { base.begin(into: &out) }

    mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        guard stamper != nil else {
            base.write(record, into: &out, report: report)
            return
        }
        var stamped = record
        stamper?.stamp(&stamped)
        base.write(stamped, into: &out, report: report)
    }

    mutating func end(into out: inout [UInt8]) { base.end(into: &out) }
}
