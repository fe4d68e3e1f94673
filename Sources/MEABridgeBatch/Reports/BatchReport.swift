public import MEABridgeCore
public import MEABridgeJSON
public import MEABridgeValidation

/// What happened to one input of a batch.
public enum BatchFileStatus: String, Sendable, Hashable, CaseIterable {
    /// Read and written (possibly with error-level diagnostics).
    case converted
    /// Not read again: the state says it has not changed since the run that converted it, whose report is replayed.
    case unchanged
    /// Could not be converted: unreadable, undetected format, refused archive entry, …; no output was written.
    case failed
    /// Left aside on purpose (a link or a nested archive inside an archive); nothing is wrong with the batch.
    case skipped
}

/// The report of one input: its format and output, the records per entity, and its diagnostics.
public struct BatchFileReport: Sendable, Hashable {
    /// The input's name: its path, or `archive!/entry` for an archive entry.
    public var input: String
    /// The archive the input was read from, if any.
    public var container: String?
    /// The output's path relative to the batch output, when one was written.
    public var output: String?
    /// The format the input was read as.
    public var format: String?
    /// What happened.
    public var status: BatchFileStatus
    /// Records written, per entity.
    public var records: [EntityKind: Int] = [:]
    /// How many records are new or changed since the previous run (with `--state`).
    public var changedRecords: Int?
    /// The input's size in bytes, when known.
    public var bytes: Int = 0
    /// The diagnostics kept (up to the per-file limit), in the order found.
    public var diagnostics: [Diagnostic] = []
    /// How many diagnostics of each severity were found, kept or not.
    public var counts: [Severity: Int] = [:]

    /// Creates a report.
    /// - Parameters:
    ///   - input: The input's name.
    ///   - container: The archive it came from.
    ///   - status: What happened.
    public init(input: String, container: String? = nil, status: BatchFileStatus) {
        self.input = input
        self.container = container
        self.status = status
    }

    /// Errors and fatal problems.
    public var errorCount: Int { (counts[.error] ?? 0) + (counts[.fatal] ?? 0) }

    /// Warnings.
    public var warningCount: Int { counts[.warning] ?? 0 }

    /// Records written in all.
    public var recordCount: Int { records.values.reduce(0, +) }

    /// Whether the input fails the batch under a `--fail-on` level: a failed input always does; otherwise one with
    /// diagnostics at or above the level.
    /// - Parameter level: `.error` or `.warning`.
    /// - Returns: `true` when it fails.
    public func fails(at level: Severity) -> Bool {
        if status == .failed { return true }
        return counts.contains { $0.key >= level && $0.value > 0 }
    }

    /// Counts a diagnostic, keeping it while under `limit`.
    /// - Parameters:
    ///   - diagnostic: The diagnostic.
    ///   - limit: The most diagnostics kept.
    public mutating func add(_ diagnostic: Diagnostic, limit: Int = .max) {
        counts[diagnostic.severity, default: 0] += 1
        if diagnostics.count < limit { diagnostics.append(diagnostic) }
    }

    /// The report as a validation report (for the SARIF renderer and others that take those).
    public var validationReport: ValidationReport {
        var report = ValidationReport(input: input, format: format)
        report.records = records
        report.diagnostics = diagnostics
        report.counts = counts
        return report
    }
}

/// A whole batch: every input's report, the records that disappeared, and totals.
public struct BatchReport: Sendable, Hashable {
    /// The inputs' reports, sorted by input name.
    public var files: [BatchFileReport]
    /// The records that disappeared in this run (with `--state`).
    public var deleted: [DeletedRecord]
    /// The batch output (directory or archive).
    public var output: String?
    /// The shard this run processed, `K/N`.
    public var shard: String?
    /// Wall-clock seconds the run took.
    public var seconds: Double

    /// Creates a report.
    /// - Parameters:
    ///   - files: The inputs' reports.
    ///   - deleted: The records that disappeared.
    ///   - output: The batch output.
    ///   - shard: The shard.
    ///   - seconds: How long the run took.
    public init(
        files: [BatchFileReport],
        deleted: [DeletedRecord] = [],
        output: String? = nil,
        shard: String? = nil,
        seconds: Double = 0
    ) {
        let sorted = zip(files, files.dropFirst()).allSatisfy { !precedesInByteOrder($1.input, $0.input) }
        self.files = sorted ? files : files.sorted { precedesInByteOrder($0.input, $1.input) }
        self.deleted = deleted
        self.output = output
        self.shard = shard
        self.seconds = seconds
    }

    /// How many inputs ended with each status.
    public var statusCounts: [BatchFileStatus: Int] {
        var counts: [BatchFileStatus: Int] = [:]
        for file in files { counts[file.status, default: 0] += 1 }
        return counts
    }

    /// Records written, per entity, over all inputs.
    public var records: [EntityKind: Int] {
        var totals: [EntityKind: Int] = [:]
        for file in files {
            for (kind, count) in file.records { totals[kind, default: 0] += count }
        }
        return totals
    }

    /// Diagnostics per severity, over all inputs.
    public var counts: [Severity: Int] {
        var totals: [Severity: Int] = [:]
        for file in files {
            for (severity, count) in file.counts { totals[severity, default: 0] += count }
        }
        return totals
    }

    /// Records new or changed in this run, over all inputs.
    public var changedRecords: Int { files.compactMap(\.changedRecords).reduce(0, +) }

    /// Input bytes, over all inputs.
    public var bytes: Int { files.map(\.bytes).reduce(0, +) }

    /// The kept diagnostics counted per id, most frequent first (ties by id), with the highest severity seen.
    public var byRule: [(id: DiagnosticID, severity: Severity, count: Int)] {
        var table: [DiagnosticID: (Severity, Int)] = [:]
        for file in files {
            for diagnostic in file.diagnostics {
                let (severity, count) = table[diagnostic.id] ?? (diagnostic.severity, 0)
                table[diagnostic.id] = (max(severity, diagnostic.severity), count + 1)
            }
        }
        return table.map { (id: $0.key, severity: $0.value.0, count: $0.value.1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.id.rawValue < $1.id.rawValue }
    }

    /// The inputs that fail the batch under a `--fail-on` level.
    /// - Parameter level: `.error` or `.warning`.
    /// - Returns: The failing inputs.
    public func failing(at level: Severity) -> [BatchFileReport] { files.filter { $0.fails(at: level) } }
}

// MARK: - JSON

extension BatchFileReport {
    /// The report as one JSON object (the form kept in the state and in `--report` JSON).
    /// - Parameter out: The buffer to append to.
    public func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: "{\"input\":".utf8)
        JSONOutput.appendString(input, to: &out)
        if let container {
            out.append(contentsOf: ",\"container\":".utf8)
            JSONOutput.appendString(container, to: &out)
        }
        if let output {
            out.append(contentsOf: ",\"output\":".utf8)
            JSONOutput.appendString(output, to: &out)
        }
        if let format {
            out.append(contentsOf: ",\"format\":".utf8)
            JSONOutput.appendString(format, to: &out)
        }
        out.append(contentsOf: ",\"status\":\"\(status.rawValue)\",\"records\":".utf8)
        appendRecordCounts(records, to: &out)
        if let changedRecords { out.append(contentsOf: ",\"changedRecords\":\(changedRecords)".utf8) }
        out.append(contentsOf: ",\"bytes\":\(bytes)".utf8)
        for (severity, key) in countKeys {
            out.append(contentsOf: ",\"\(key)\":\(counts[severity] ?? 0)".utf8)
        }
        out.append(contentsOf: ",\"diagnostics\":[".utf8)
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONReport.appendDiagnostic(diagnostic, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
    }

    /// The report as JSON text.
    public var jsonText: String {
        var out: [UInt8] = []
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a report back from its JSON object.
    /// - Parameter value: The parsed object.
    /// - Returns: The report, or `nil` when the object is not one.
    public static func from(json value: JSONValue) -> BatchFileReport? {
        guard let input = value["input"]?.stringValue,
            let status = value["status"]?.stringValue.flatMap(BatchFileStatus.init(rawValue:))
        else { return nil }
        var report = BatchFileReport(input: input, container: value["container"]?.stringValue, status: status)
        report.output = value["output"]?.stringValue
        report.format = value["format"]?.stringValue
        for member in value["records"]?.objectValue ?? [] {
            if let kind = EntityKind(rawValue: member.key), let count = member.value.int64Value {
                report.records[kind] = Int(count)
            }
        }
        report.changedRecords = value["changedRecords"]?.int64Value.map(Int.init)
        report.bytes = Int(value["bytes"]?.int64Value ?? 0)
        for (severity, key) in countKeys {
            if let count = value[key]?.int64Value, count > 0 {
                report.counts[severity] = Int(count)
            }
        }
        for item in value["diagnostics"]?.arrayValue ?? [] {
            if let diagnostic = diagnosticFrom(json: item) { report.diagnostics.append(diagnostic) }
        }
        return report
    }

    /// Reads a report back from JSON text.
    /// - Parameter text: The JSON object.
    /// - Returns: The report, or `nil` when the text is not one.
    public static func from(jsonText text: String) -> BatchFileReport? {
        let bytes = Array(text.utf8)
        var parser = JSONPullParser(source: MemoryByteSource(bytes), chunkSize: max(64, bytes.count + 1))
        guard let value = try? parser.readValue() else { return nil }
        return from(json: value)
    }
}

/// The JSON member names of the counts per severity (`notes`, `warnings`, `errors`, `fatals`).
private let countKeys = Severity.allCases.map { ($0, $0.rawValue + "s") }

/// Reads back a diagnostic written by `JSONReport.appendDiagnostic`.
func diagnosticFrom(json value: JSONValue) -> Diagnostic? {
    guard let id = value["id"]?.stringValue, let severity = value["severity"]?.stringValue.flatMap(Severity.init),
        let message = value["message"]?.stringValue
    else { return nil }
    var location: SourceLocation?
    if let file = value["file"]?.stringValue {
        location = SourceLocation(
            source: file,
            line: value["line"]?.int64Value.map(Int.init),
            column: value["column"]?.int64Value.map(Int.init),
            path: value["path"]?.stringValue
        )
    }
    return Diagnostic(
        id: DiagnosticID(id),
        severity: severity,
        message: message,
        location: location,
        cause: value["cause"]?.stringValue
    )
}

func appendRecordCounts(_ records: [EntityKind: Int], to out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    var first = true
    for kind in EntityKind.allCases {
        guard let count = records[kind] else { continue }
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONOutput.appendString(kind.rawValue, to: &out)
        out.append(contentsOf: ":\(count)".utf8)
    }
    out.append(UInt8(ascii: "}"))
}

extension DeletedRecord {
    /// The ISO 8601 time the record disappeared.
    public var deletedISO8601: String { DateValue(epochMilliseconds: deleted, precision: .instant).iso8601 }

    /// The record as a JSON object: `{"entity","id","source","deleted":true,"updated"}` — the tombstone line.
    /// - Parameter out: The buffer to append to.
    public func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: "{\"entity\":".utf8)
        JSONOutput.appendString(entity, to: &out)
        out.append(contentsOf: ",\"id\":".utf8)
        JSONOutput.appendString(id, to: &out)
        out.append(contentsOf: ",\"source\":".utf8)
        JSONOutput.appendString(source, to: &out)
        out.append(contentsOf: ",\"deleted\":true,\"updated\":".utf8)
        JSONOutput.appendString(deletedISO8601, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Reads a deleted record back from its JSON object.
    /// - Parameter value: The parsed object.
    /// - Returns: The record, or `nil`.
    public static func from(json value: JSONValue) -> DeletedRecord? {
        guard let entity = value["entity"]?.stringValue, let id = value["id"]?.stringValue,
            let source = value["source"]?.stringValue,
            let updated = value["updated"]?.stringValue.flatMap(DateValue.init(parsing:))
        else { return nil }
        return DeletedRecord(source: source, entity: entity, id: id, deleted: updated.epochMilliseconds)
    }
}
