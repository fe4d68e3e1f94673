public import MEABridgeCore

/// What validating one input found: the format, the schema used, the records per entity and every diagnostic.
public struct ValidationReport: Sendable {
    /// The input's name.
    public var input: String
    /// The input's format, when it was known or detected.
    public var format: String?
    /// The schema the input was checked against, if any.
    public var schema: String?
    /// Records read, per entity.
    public var records: [EntityKind: Int] = [:]
    /// The diagnostics kept, in the order found.
    public var diagnostics: [Diagnostic] = []
    /// How many diagnostics of each severity were found, including those not kept.
    public var counts: [Severity: Int] = [:]

    /// Creates an empty report for an input.
    /// - Parameters:
    ///   - input: The input's name.
    ///   - format: The input's format.
    ///   - schema: The schema used.
    public init(input: String, format: String? = nil, schema: String? = nil) {
        self.input = input
        self.format = format
        self.schema = schema
    }

    /// Errors and fatal problems found.
    public var errorCount: Int { (counts[.error] ?? 0) + (counts[.fatal] ?? 0) }

    /// Warnings found.
    public var warningCount: Int { counts[.warning] ?? 0 }

    /// All diagnostics found, kept or not.
    public var diagnosticCount: Int { counts.values.reduce(0, +) }

    /// Records read in all.
    public var recordCount: Int { records.values.reduce(0, +) }

    /// The kept diagnostics counted per id, most frequent first (ties by id), with the highest severity seen.
    public var byRule: [(id: DiagnosticID, severity: Severity, count: Int)] {
        var table: [DiagnosticID: (Severity, Int)] = [:]
        for diagnostic in diagnostics {
            let (severity, count) = table[diagnostic.id] ?? (diagnostic.severity, 0)
            table[diagnostic.id] = (max(severity, diagnostic.severity), count + 1)
        }
        return table.map { (id: $0.key, severity: $0.value.0, count: $0.value.1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.id.rawValue < $1.id.rawValue }
    }
}

/// Collects diagnostics into a report, keeping at most a given number.
public struct ReportCollector: DiagnosticSink, Sendable {
    /// The report being built.
    public var report: ValidationReport
    /// The most diagnostics kept.
    public let limit: Int

    /// Creates a collector.
    /// - Parameters:
    ///   - report: The report to fill.
    ///   - limit: The most diagnostics to keep.
    public init(report: ValidationReport, limit: Int) {
        self.report = report
        self.limit = limit
    }

    /// Counts a diagnostic and keeps it while under the limit.
    /// - Parameter diagnostic: The problem found.
    public mutating func report(_ diagnostic: Diagnostic) {
        report.counts[diagnostic.severity, default: 0] += 1
        if report.diagnostics.count < limit { report.diagnostics.append(diagnostic) }
    }
}
