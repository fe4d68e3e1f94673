public import ArgumentParser
public import MEABridgeCore
public import MEABridgeFormats
import MEABridgeJSON
import MEABridgeValidation

/// `meabridge goals`: which records link to each global goal or target.
struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "List, for each SDG, Aichi or GBF goal and target, the records (and conventions) that link to it.",
        discussion: """
            Reads every input with its reader, collects the goal links of every record (and of its report \
            answers), checks them against the reference data in Schemas/goals (rule.goal-unknown) and prints one \
            entry per goal or target, in framework order, with the records that link to it.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The inputs.")
    var inputs: [String]

    @Option(help: "The input format, or auto.")
    var from = "auto"

    @Option(help: "The output: text, csv or json.")
    var format = "text"

    @Option(help: "The folder of registered schemas (holding goals/).")
    var schemaDir: String?

    func run() throws {
        var job = GoalsJob(inputs: inputs)
        job.from = from
        job.format = format
        job.schemaDirectory = schemaDir
        let status = job.run(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// The work of `meabridge goals`, testable without a process.
public struct GoalsJob: Sendable {
    /// The input paths.
    public var inputs: [String]
    /// The input format, or `auto`.
    public var from = "auto"
    /// `text`, `csv` or `json`.
    public var format = "text"
    /// The `Schemas/` folder; found as for `validate` when `nil`.
    public var schemaDirectory: String?

    /// Creates a job.
    /// - Parameter inputs: The input paths.
    public init(inputs: [String]) { self.inputs = inputs }

    /// One record linking to a goal.
    struct Link {
        var entity: EntityKind
        var id: String
        var treaty: String?
        var country: String?
        var input: String
    }

    /// Runs the job.
    /// - Parameters:
    ///   - registry: The formats available.
    ///   - console: Where text goes.
    /// - Returns: The exit status.
    public func run(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        exitStatus(console: console) { try execute(registry: registry, console: console) }
    }

    private func execute(registry: FormatRegistry, console: Console) throws -> ExitStatus {
        guard ["text", "csv", "json"].contains(format) else {
            console.err("meabridge: error: unknown goals format '\(format)'; use text, csv or json [cli.usage]\n")
            throw CommandExit(.usage)
        }
        guard let directory = schemaDirectory ?? SchemaDirectory.path else {
            console.err("meabridge: error: no Schemas/ folder found; pass --schema-dir [cli.schema-dir]\n")
            throw CommandExit(.usage)
        }
        let catalog = try GoalCatalog(schemasDirectory: directory)
        let printer = DiagnosticPrinter(console: console, limit: 1000)
        var links: [String: [Link]] = [:]
        var unknown: [String: GoalRef] = [:]
        for input in inputs {
            let opened = try OpenedInput(path: input)
            let readerType = try chooseReader(from, input: opened, registry: registry, console: console)
            var reader = readerType.init(options: ReadOptions(sourceName: input))
            try reader.read(
                from: opened.source,
                emit: { record in
                    var seen: Set<String> = []
                    var link: Link?
                    for (goal, entry) in catalog.check(record, report: printer.report) {
                        let key: String
                        if let entry {
                            key = "\(entry.framework):\(entry.code)"
                        } else {
                            key = goal.description
                            unknown[key] = goal
                        }
                        guard seen.insert(key).inserted else { continue }
                        if link == nil { link = Self.link(record, input: input) }
                        if let link { links[key, default: []].append(link) }
                    }
                },
                report: printer.report
            )
        }
        var rows: [(framework: String, code: String, title: String?, known: Bool, links: [Link])] = []
        for entry in catalog.entries {
            let key = "\(entry.framework):\(entry.code)"
            if let found = links[key] {
                rows.append((entry.framework.description, entry.code, entry.title.english, true, found))
            }
        }
        for key in unknown.keys.sorted() {
            guard let goal = unknown[key], let found = links[key] else { continue }
            rows.append((goal.framework.description, goal.code, nil, false, found))
        }
        var out = ""
        switch format {
        case "csv":
            out = "framework,code,title,entity,id,treaty,country,input\n"
            for row in rows {
                for link in row.links {
                    out +=
                        [
                            row.framework, row.code, row.title ?? "", link.entity.rawValue, link.id, link.treaty ?? "",
                            link.country ?? "", link.input,
                        ].map(Self.csvField).joined(separator: ",") + "\n"
                }
            }
        case "json":
            var bytes: [UInt8] = Array("[".utf8)
            for (index, row) in rows.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += Array("\n{\"framework\":".utf8)
                JSONOutput.appendString(row.framework, to: &bytes)
                bytes += Array(",\"code\":".utf8)
                JSONOutput.appendString(row.code, to: &bytes)
                if let title = row.title {
                    bytes += Array(",\"title\":".utf8)
                    JSONOutput.appendString(title, to: &bytes)
                }
                bytes += Array(",\"known\":\(row.known),\"records\":[".utf8)
                for (linkIndex, link) in row.links.enumerated() {
                    if linkIndex > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes += Array("{\"entity\":".utf8)
                    JSONOutput.appendString(link.entity.rawValue, to: &bytes)
                    bytes += Array(",\"id\":".utf8)
                    JSONOutput.appendString(link.id, to: &bytes)
                    for (name, value) in [("treaty", link.treaty), ("country", link.country), ("input", link.input)] {
                        guard let value else { continue }
                        bytes += Array(",\"\(name)\":".utf8)
                        JSONOutput.appendString(value, to: &bytes)
                    }
                    bytes.append(UInt8(ascii: "}"))
                }
                bytes += Array("]}".utf8)
            }
            bytes += Array("\n]\n".utf8)
            out = String(decoding: bytes, as: UTF8.self)
        default:
            for row in rows {
                out +=
                    "\(row.framework):\(row.code)" + (row.title.map { "  \($0)" } ?? (row.known ? "" : "  (unknown)"))
                out += "\n"
                for link in row.links {
                    let about = [link.treaty, link.country].compactMap { $0 }.joined(separator: ", ")
                    out += "  \(link.entity.rawValue) \(link.id)" + (about.isEmpty ? "" : " (\(about))")
                    out += "  \(link.input)\n"
                }
            }
        }
        console.out(out)
        console.err("meabridge: \(rows.count) goals and targets linked; \(printer.tally)\n")
        return printer.errorCount > 0 ? .diagnostics : .ok
    }

    private static func link(_ record: Record, input: String) -> Link {
        var treaty: String?
        var country: String?
        for property in record.properties {
            switch property.value {
            case .treaty(let value) where property.name == "treaty": treaty = treaty ?? value.rawValue
            case .treaties(let values): treaty = treaty ?? values.first?.rawValue
            case .country(let value) where property.name == "country": country = value.description
            default: break
            }
        }
        return Link(entity: record.kind, id: record.id, treaty: treaty, country: country, input: input)
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
