public import MEABridgeCore

/// The closing summary on standard error: inputs by status, records per entity, diagnostics per rule, deletions,
/// time and throughput.
public enum BatchSummaryText {
    /// Renders the summary.
    /// - Parameters:
    ///   - report: The batch report.
    ///   - failOn: The `--fail-on` level.
    ///   - deletedMode: Whether deletions went to a tombstone file too.
    /// - Returns: The lines, each ending with a newline.
    public static func render(
        _ report: BatchReport,
        failOn: Severity,
        deletedMode: BatchOptions.DeletedMode = .report
    ) -> String {
        let statuses = report.statusCounts
        let seconds = max(report.seconds, 0.000_001)
        var lines: [String] = []
        var head = "meabridge batch"
        if let shard = report.shard { head += " (shard \(shard))" }
        head += ": \(plural(report.files.count, "file"))"
        let parts = BatchFileStatus.allCases.compactMap { status in
            statuses[status].map { "\($0) \(status.rawValue)" }
        }
        if !parts.isEmpty { head += " (" + parts.joined(separator: ", ") + ")" }
        head += " in " + formatted(report.seconds, digits: 2) + " s"
        let converted = report.files.filter { $0.status == .converted }
        let convertedBytes = converted.map(\.bytes).reduce(0, +)
        head += "; " + formatted(Double(report.files.count) / seconds, digits: 1) + " files/s, "
        head += formatted(Double(convertedBytes) / 1e6 / seconds, digits: 1) + " MB/s"
        lines.append(head)
        let records = report.records
        let recordText = EntityKind.allCases.compactMap { kind in records[kind].map { "\(kind.entitySet) \($0)" } }
        var recordLine = "  records: \(records.values.reduce(0, +))"
        if !recordText.isEmpty { recordLine += " (" + recordText.joined(separator: ", ") + ")" }
        if report.files.contains(where: { $0.changedRecords != nil }) {
            recordLine += "; \(report.changedRecords) new or changed"
        }
        lines.append(recordLine)
        let counts = report.counts
        var diagnostics = "  diagnostics: \(plural((counts[.error] ?? 0) + (counts[.fatal] ?? 0), "error")), "
        diagnostics += plural(counts[.warning] ?? 0, "warning")
        if let notes = counts[.note], notes > 0 { diagnostics += ", " + plural(notes, "note") }
        lines.append(diagnostics)
        for row in report.byRule.prefix(20) {
            let count = String(row.count)
            lines.append(
                "    " + String(repeating: " ", count: max(0, 6 - count.count)) + count + "  "
                    + row.severity.rawValue + String(repeating: " ", count: max(0, 9 - row.severity.rawValue.count))
                    + row.id.rawValue
            )
        }
        if !report.deleted.isEmpty {
            var line = "  deleted: \(plural(report.deleted.count, "record")) disappeared since the previous run"
            line += deletedMode == .tombstone ? " (tombstones in \(BatchOptions.tombstoneFileName))" : ""
            lines.append(line)
            for record in report.deleted.prefix(10) {
                lines.append("    \(record.entity) \(record.id) (\(record.source))")
            }
            if report.deleted.count > 10 { lines.append("    … \(report.deleted.count - 10) more in the report") }
        }
        let failing = report.failing(at: failOn)
        if let output = report.output { lines.append("  output: \(output)") }
        lines.append(
            failing.isEmpty
                ? "  result: passed (--fail-on \(failOn.rawValue))"
                : "  result: FAILED: \(plural(failing.count, "file")) failed or have \(failOn.rawValue)s"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    static func formatted(_ value: Double, digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "0" }
        if digits <= 0 { return String(Int64(value.rounded())) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}

/// The progress display: a live bar on a terminal, plain lines in logs.
public enum BatchProgressText {
    /// The live bar (no newline; the caller rewrites the line with `\r`).
    /// - Parameters:
    ///   - progress: The progress.
    ///   - width: The bar's width in characters.
    /// - Returns: `[#####-----]  42%  1234 files  812.3 files/s  45210 records/s` (no percentage while the total is
    ///   unknown).
    public static func bar(_ progress: BatchProgress, width: Int = 24) -> String {
        var text = ""
        if let fraction = progress.fraction {
            let filled = Int((fraction * Double(width)).rounded(.down))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            let percent = String(Int((fraction * 100).rounded(.down)))
            text += String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%  "
        }
        text += "\(progress.files) files"
        if progress.failed > 0 { text += " (\(progress.failed) failed)" }
        text += "  " + BatchSummaryText.formatted(progress.filesPerSecond, digits: 1) + " files/s"
        text += "  " + BatchSummaryText.formatted(progress.recordsPerSecond, digits: 0) + " records/s"
        return text
    }

    /// A plain progress line for logs.
    /// - Parameter progress: The progress.
    /// - Returns: `meabridge batch: 1234 files (3 failed), 56789 records, 42% after 12.0 s (…/s)`.
    public static func line(_ progress: BatchProgress) -> String {
        var text = "meabridge batch: \(progress.files) files"
        if progress.failed > 0 { text += " (\(progress.failed) failed)" }
        text += ", \(progress.records) records"
        if let fraction = progress.fraction { text += ", \(Int((fraction * 100).rounded(.down)))%" }
        text += " after " + BatchSummaryText.formatted(progress.seconds, digits: 1) + " s ("
        text += BatchSummaryText.formatted(progress.filesPerSecond, digits: 1) + " files/s, "
        text += BatchSummaryText.formatted(progress.recordsPerSecond, digits: 0) + " records/s)"
        return text
    }
}
