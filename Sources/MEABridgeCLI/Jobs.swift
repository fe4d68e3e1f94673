public import MEABridgeCore
public import MEABridgeFormats
import MEABridgeValidation

/// Prints diagnostics as they arrive (up to a limit) and counts them by severity.
final class DiagnosticPrinter: @unchecked Sendable {
    private let console: Console
    private let limit: Int
    private let profile: RuleProfile
    private(set) var collector: DiagnosticCollector
    private(set) var printed = 0
    var progressLineShown = false

    init(console: Console, limit: Int, keep: Int = 0, profile: RuleProfile = RuleProfile()) {
        self.console = console
        self.limit = limit
        self.profile = profile
        self.collector = DiagnosticCollector(limit: keep)
    }

    func report(_ reported: Diagnostic) {
        guard let diagnostic = profile.apply(reported) else { return }
        collector.report(diagnostic)
        guard printed < limit else { return }
        printed += 1
        clearProgress()
        console.err(diagnostic.formatted + "\n")
    }

    func clearProgress() {
        if progressLineShown {
            console.err("\r\u{1B}[K")
            progressLineShown = false
        }
    }

    var errorCount: Int { collector.errorCount }
    var fatalCount: Int { collector.counts[.fatal] ?? 0 }
    var warningCount: Int { collector.warningCount }
    var total: Int { collector.counts.values.reduce(0, +) }

    /// `2 errors, 1 warning` (and how many were not printed).
    var tally: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var text = plural(errorCount, "error") + ", " + plural(warningCount, "warning")
        let notes = collector.counts[.note] ?? 0
        if notes > 0 { text += ", " + plural(notes, "note") }
        let shown = max(printed, collector.diagnostics.count)
        if total > shown { text += " (\(total - shown) not shown; raise --max-diagnostics)" }
        return text
    }
}

/// An opened input: its sniffed prefix replayed before the rest, its size when known.
struct OpenedInput {
    var source: PrefixedByteSource<FileByteSource>
    var prefix: [UInt8]
    var size: Int?
    var name: String

    init(path: String) throws(IOFailure) {
        let file = try FileByteSource(path: path)
        size = file.size
        let (prefix, rest) = try PrefixedByteSource.peek(file, count: 64 << 10)
        self.prefix = prefix
        source = PrefixedByteSource(prefix: prefix, base: rest)
        name = path
    }
}

/// Chooses the reader for an input: the one named, or the one that recognises it.
func chooseReader(
    _ from: String,
    input: OpenedInput,
    registry: FormatRegistry,
    console: Console
) throws(CommandExit) -> any RecordReader.Type {
    if from != "auto" {
        guard let reader = registry.reader(FormatID(from)) else {
            let known = registry.readers.map { $0.format.id.rawValue }.joined(separator: ", ")
            console.err("meabridge: error: no reader for format '\(from)'; readers: \(known) [cli.unknown-format]\n")
            throw CommandExit(.usage)
        }
        return reader
    }
    guard let (reader, _) = registry.sniff(SniffInput(prefix: input.prefix, name: input.name)) else {
        console.err(
            "meabridge: error: cannot tell the format of \(input.name); pass --from FORMAT "
                + "(`meabridge formats` lists them) [cli.format-not-detected]\n"
        )
        throw CommandExit(.usage)
    }
    return reader
}

/// Runs a command body and turns what it throws into an exit status, printing I/O failures.
func exitStatus(console: Console, _ body: () throws -> ExitStatus) -> ExitStatus {
    do {
        return try body()
    } catch let exit as CommandExit {
        return exit.status
    } catch let failure as IOFailure {
        console.err("meabridge: error: \(failure) [io.\(failure.operation)]\n")
        return .io
    } catch {
        console.err("meabridge: error: \(error)\n")
        return .io
    }
}

/// Loads `--rules`, refusing ids the registry does not describe.
func loadProfile(_ path: String?, registry: FormatRegistry, console: Console) throws(CommandExit) -> RuleProfile {
    guard let path else { return RuleProfile() }
    do {
        return try RuleProfile.load(path: path, known: Set(registry.descriptions.map(\.id)))
    } catch let error as RuleProfileError {
        console.err("meabridge: error: rules profile \(error) [cli.rules-profile]\n")
        throw CommandExit(.usage)
    } catch {
        console.err("meabridge: error: rules profile \(path): \(error) [cli.rules-profile]\n")
        throw CommandExit(.usage)
    }
}

/// Parses `--entity`.
func parseEntity(_ name: String?, console: Console) throws(CommandExit) -> EntityKind? {
    guard let name else { return nil }
    guard let kind = EntityKind(parsing: name) else {
        let known = EntityKind.allCases.map(\.entitySet).joined(separator: ", ")
        console.err("meabridge: error: unknown entity '\(name)'; entities: \(known) [cli.unknown-entity]\n")
        throw CommandExit(.usage)
    }
    return kind
}

/// Parses `--delimiter`.
func parseDelimiter(_ name: String?, console: Console) throws(CommandExit) -> FieldSeparator? {
    guard let name else { return nil }
    guard let separator = FieldSeparator(name: name) else {
        let known = FieldSeparator.allCases.map(\.rawValue).joined(separator: ", ")
        console.err("meabridge: error: unknown delimiter '\(name)'; delimiters: \(known) [cli.unknown-delimiter]\n")
        throw CommandExit(.usage)
    }
    return separator
}

/// `meabridge convert`: reads one input, checks each record, writes one output atomically.
public struct ConvertJob: Sendable {
    /// The input path, or `-` for standard input.
    public var input: String
    /// The reader's format name, or `auto`.
    public var from = "auto"
    /// The writer's format name.
    public var to = "ndjson"
    /// Only this entity (also assumed for records that do not say).
    public var entity: String?
    /// The field separator of a CSV input (`comma`, `semicolon`, `tab`, `pipe`); detected when `nil`.
    public var delimiter: String?
    /// The output path, or `-` for standard output.
    public var output = "-"
    /// The OData service root for `__metadata.uri`.
    public var serviceRoot: String?
    /// Where to write the output's companion metadata document (`$metadata` of `informea-atom`), if anywhere.
    public var metadata: String?
    /// Whether canonical output carries source locations.
    public var includeSource = true
    /// The most diagnostics printed.
    public var maxDiagnostics = 1000
    /// Whether to print the closing summary line.
    public var quiet = false
    /// A rules profile file (`--rules`).
    public var rulesProfile: String?

    /// Creates a job for an input.
    /// - Parameter input: The input path, or `-`.
    public init(input: String) { self.input = input }

    /// Runs the conversion.
    /// - Parameters:
    ///   - registry: The formats available.
    ///   - console: Where text goes.
    /// - Returns: The exit status.
    public func run(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        exitStatus(console: console) { try execute(registry: registry, console: console) }
    }

    private func execute(registry: FormatRegistry, console: Console) throws -> ExitStatus {
        let entityKind = try parseEntity(entity, console: console)
        guard let writerType = registry.writer(FormatID(to)) else {
            let known = registry.writers.map { $0.format.id.rawValue }.joined(separator: ", ")
            console.err("meabridge: error: no writer for format '\(to)'; writers: \(known) [cli.unknown-format]\n")
            throw CommandExit(.usage)
        }
        if metadata != nil, !(writerType is any MetadataDocumentWriter.Type) {
            let able = registry.writers.filter { $0 is any MetadataDocumentWriter.Type }.map { $0.format.id.rawValue }
            console.err(
                "meabridge: error: --metadata needs a writer with a metadata document (\(able.joined(separator: ", "))), "
                    + "not \(to) [cli.metadata-unsupported]\n"
            )
            throw CommandExit(.usage)
        }
        let opened = try OpenedInput(path: input)
        let readerType = try chooseReader(from, input: opened, registry: registry, console: console)
        let profile = try loadProfile(rulesProfile, registry: registry, console: console)
        let printer = DiagnosticPrinter(console: console, limit: maxDiagnostics, profile: profile)
        let delimiter = try parseDelimiter(self.delimiter, console: console)
        let options = ReadOptions(entity: entityKind, sourceName: input, delimiter: delimiter)
        var reader = readerType.init(options: options)
        var writer = writerType.init(options: WriteOptions(serviceRoot: serviceRoot, includeSource: includeSource))
        var rules = HarmonisedRules()
        let size = opened.size
        let source = CountingByteSource(opened.source) { [console] bytes in
            guard console.errIsTerminal else { return }
            var text = "\r\u{1B}[K\(input): \(bytes >> 20) MiB"
            if let size, size > 0 { text += " of \(size >> 20) MiB (\(bytes * 100 / size)%)" }
            console.err(text)
            printer.progressLineShown = true
        }
        let summary: ConversionSummary
        if output == "-" {
            var sink = DescriptorByteSink.standardOutput
            summary = try Self.convert(&reader, source, &writer, &sink, entityKind, &rules, printer)
        } else {
            var sink = try AtomicFileSink(path: output)
            summary = try Self.convert(&reader, source, &writer, &sink, entityKind, &rules, printer)
            if printer.fatalCount > 0 {
                sink.abort()
            } else {
                try sink.commit()
            }
        }
        if let metadata, printer.fatalCount == 0, let described = writer as? any MetadataDocumentWriter {
            var sink = try AtomicFileSink(path: metadata)
            try sink.write(described.companionMetadata())
            try sink.commit()
        }
        printer.clearProgress()
        if !quiet {
            var counts = summary.recordsWritten.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            if counts.isEmpty { counts = "none" }
            let outcome =
                printer.fatalCount > 0 && output != "-" ? "; input unreadable, \(output) not written" : ""
            console.err(
                "meabridge: \(input) (\(readerType.format.id)) → \(output) (\(writerType.format.id)): "
                    + "\(summary.totalWritten) records [\(counts)]; \(printer.tally)\(outcome)\n"
            )
        }
        return printer.errorCount > 0 ? .diagnostics : .ok
    }

    private static func convert(
        _ reader: inout some RecordReader,
        _ source: some ByteSource,
        _ writer: inout some RecordWriter,
        _ sink: inout some ByteSink,
        _ entity: EntityKind?,
        _ rules: inout HarmonisedRules,
        _ printer: DiagnosticPrinter
    ) throws -> ConversionSummary {
        try Conversion.run(
            reader: &reader,
            source: source,
            writer: &writer,
            sink: &sink,
            entity: entity,
            check: { record, report in rules.check(record, report: report) },
            finish: { report in rules.finish(report: report) },
            report: printer.report,
            pipelined: true
        )
    }
}

/// `meabridge inspect`: the detected format, record counts per entity and the diagnostics of one input.
public struct InspectJob: Sendable {
    /// The input path, or `-`.
    public var input: String
    /// The reader's format name, or `auto`.
    public var from = "auto"
    /// The entity to assume for records that do not say.
    public var entity: String?
    /// The field separator of a CSV input; detected when `nil`.
    public var delimiter: String?
    /// Whether to print JSON instead of text.
    public var json = false
    /// The most diagnostics printed.
    public var maxDiagnostics = 1000
    /// A rules profile file (`--rules`).
    public var rulesProfile: String?

    /// Creates a job for an input.
    /// - Parameter input: The input path, or `-`.
    public init(input: String) { self.input = input }

    /// Runs the inspection.
    /// - Parameters:
    ///   - registry: The formats available.
    ///   - console: Where text goes.
    /// - Returns: The exit status.
    public func run(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        exitStatus(console: console) { try execute(registry: registry, console: console) }
    }

    private func execute(registry: FormatRegistry, console: Console) throws -> ExitStatus {
        let entityKind = try parseEntity(entity, console: console)
        let opened = try OpenedInput(path: input)
        let readerType = try chooseReader(from, input: opened, registry: registry, console: console)
        let confidence =
            from == "auto" ? readerType.sniff(SniffInput(prefix: opened.prefix, name: input)) : .certain
        let profile = try loadProfile(rulesProfile, registry: registry, console: console)
        let printer = DiagnosticPrinter(
            console: Console(out: { _ in }, err: { _ in }),
            limit: 0,
            keep: maxDiagnostics,
            profile: profile
        )
        let delimiter = try parseDelimiter(self.delimiter, console: console)
        var reader = readerType.init(options: ReadOptions(entity: entityKind, sourceName: input, delimiter: delimiter))
        var rules = HarmonisedRules()
        var counts: [EntityKind: Int] = [:]
        try reader.read(
            from: opened.source,
            emit: { record in
                counts[record.kind, default: 0] += 1
                rules.check(record, report: printer.report)
            },
            report: printer.report
        )
        rules.finish(report: printer.report)
        let report = InspectionReport(
            input: input,
            format: readerType.format.id.rawValue,
            detected: from == "auto",
            confidence: confidence,
            size: opened.size,
            counts: counts,
            printer: printer
        )
        console.out(json ? report.json : report.text)
        return printer.errorCount > 0 ? .diagnostics : .ok
    }
}

/// The result of `inspect`, as text or JSON.
struct InspectionReport {
    let input: String
    let format: String
    let detected: Bool
    let confidence: SniffConfidence
    let size: Int?
    let counts: [EntityKind: Int]
    let printer: DiagnosticPrinter

    private var sortedCounts: [(EntityKind, Int)] {
        EntityKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
    }

    var text: String {
        var lines = ["input: \(input)"]
        lines.append("format: \(format)" + (detected ? " (detected, \(confidence))" : " (given)"))
        if let size { lines.append("size: \(size) bytes") }
        lines.append("records: \(counts.values.reduce(0, +))")
        for (kind, count) in sortedCounts { lines.append("  \(kind.entitySet): \(count)") }
        lines.append("diagnostics: \(printer.tally)")
        for diagnostic in printer.collector.diagnostics { lines.append("  " + diagnostic.formatted) }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        var out: [UInt8] = []
        JSONText.object(&out) { object in
            object.string("input", input)
            object.string("format", format)
            object.bool("detected", detected)
            if let size { object.integer("size", size) }
            object.nested("records") { records in
                for (kind, count) in sortedCounts { records.integer(kind.entitySet, count) }
            }
            object.integer("errors", printer.errorCount)
            object.integer("warnings", printer.warningCount)
            object.array("diagnostics", printer.collector.diagnostics) { d, item in
                item.string("id", d.id.rawValue)
                item.string("severity", d.severity.rawValue)
                item.string("message", d.message)
                if let location = d.location {
                    item.string("file", location.source)
                    if let line = location.line { item.integer("line", line) }
                    if let column = location.column { item.integer("column", column) }
                    if let path = location.path { item.string("pointer", path) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self) + "\n"
    }
}

extension SniffConfidence: CustomStringConvertible {
    /// `certain`, `likely`, `possible` or `no`.
    public var description: String {
        switch self {
        case .no: "no"
        case .possible: "possible"
        case .likely: "likely"
        case .certain: "certain"
        }
    }
}
