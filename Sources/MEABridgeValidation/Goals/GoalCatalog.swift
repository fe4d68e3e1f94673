public import MEABridgeCore
import MEABridgeJSON

extension DiagnosticID {
    /// A goal link names a goal or target that the reference data of its framework does not have.
    public static let goalUnknown: DiagnosticID = "rule.goal-unknown"
}

/// One goal or target of a framework, as listed in `Schemas/goals/*.json`.
public struct GoalEntry: Sendable, Hashable {
    /// The framework.
    public var framework: GoalRef.Framework
    /// The code within it (`A`, `3`, `15.1`, `15.a`).
    public var code: String
    /// `goal` or `target`.
    public var kind: String
    /// The provider's identifier (`GBF-TARGET-03`).
    public var identifier: String?
    /// The title, by language (empty when the source has none).
    public var title: LocalizedText

    /// Creates an entry.
    /// - Parameters:
    ///   - framework: The framework.
    ///   - code: The code.
    ///   - kind: `goal` or `target`.
    ///   - identifier: The provider's identifier.
    ///   - title: The title.
    public init(
        framework: GoalRef.Framework,
        code: String,
        kind: String,
        identifier: String? = nil,
        title: LocalizedText = LocalizedText()
    ) {
        self.framework = framework
        self.code = code
        self.kind = kind
        self.identifier = identifier
        self.title = title
    }
}

/// The goals and targets of the SDG, Aichi and GBF frameworks, loaded from the reference data in `Schemas/goals`.
public struct GoalCatalog: Sendable {
    /// The entries in file order.
    public private(set) var entries: [GoalEntry] = []
    private var index: [String: Int] = [:]
    /// The frameworks the entries belong to.
    private var frameworks: Set<GoalRef.Framework> = []

    /// The files of the bundled reference data, relative to `Schemas/`.
    public static let bundledFiles = ["goals/sdg.json", "goals/aichi.json", "goals/gbf.json"]

    /// Creates a catalogue from entries.
    /// - Parameter entries: The entries.
    public init(entries: [GoalEntry]) {
        for entry in entries { add(entry) }
    }

    /// Loads the bundled reference data from a `Schemas` directory.
    /// - Parameter schemasDirectory: The path of `Schemas/`.
    /// - Throws: `IOFailure` when a file cannot be read, `JSONError` when one is not valid JSON.
    public init(schemasDirectory: String) throws {
        for file in Self.bundledFiles {
            try load(path: schemasDirectory + "/" + file)
        }
    }

    /// Adds the entries of one reference file (`{framework, items: [{code, kind, identifier, title}]}`).
    /// - Parameter path: The file's path.
    /// - Throws: `IOFailure` when the file cannot be read, `JSONError` when it is not valid JSON.
    public mutating func load(path: String) throws {
        var parser = JSONPullParser(source: try FileByteSource(path: path))
        let document = try parser.readValue()
        let framework = GoalRef.Framework(parsing: document["framework"]?.stringValue ?? "")
        for item in document["items"]?.arrayValue ?? [] {
            guard let code = item["code"]?.stringValue else { continue }
            var title = LocalizedText()
            for member in item["title"]?.objectValue ?? [] {
                if let text = member.value.stringValue { title.set(text, for: LanguageCode(parsing: member.key)) }
            }
            add(
                GoalEntry(
                    framework: framework,
                    code: code,
                    kind: item["kind"]?.stringValue ?? "target",
                    identifier: item["identifier"]?.stringValue,
                    title: title
                )
            )
        }
    }

    private mutating func add(_ entry: GoalEntry) {
        let key = Self.key(entry.framework, entry.code)
        if index[key] == nil {
            index[key] = entries.count
            entries.append(entry)
            frameworks.insert(entry.framework)
        }
        if let identifier = entry.identifier { index[Self.key(entry.framework, identifier)] = index[key] }
    }

    /// The lookup key: the framework and the code upper-cased, with the spellings seen in feeds folded:
    /// `T03`/`TARGET-03`/`GBF-TARGET-03` → `3`, `AICHI-TARGET-01-C2` → `1`, `GOAL A` → `A`.
    static func key(_ framework: GoalRef.Framework, _ code: String) -> String {
        var text = Substring(code.trimmingWhitespace().uppercased())
        for prefix in ["KMGBF-", "GBF-", "AICHI-", "SDG-", "TARGET-", "TARGET ", "GOAL-", "GOAL ", "T", "G"]
        where text.hasPrefix(prefix) && text.count > prefix.count {
            let rest = text.dropFirst(prefix.count)
            // A single-letter prefix only when a number follows (`T3`, not the GBF goal `T…`).
            if prefix.count == 1, !(rest.first?.isNumber ?? false) { continue }
            text = rest
        }
        if let dash = text.firstIndex(of: "-"), text[text.index(after: dash)...].hasPrefix("C") {
            text = text[..<dash]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { part -> Substring in
            let trimmed = part.drop { $0 == "0" }
            return part.allSatisfy(\.isNumber) && !part.isEmpty ? (trimmed.isEmpty ? "0" : trimmed) : part
        }
        return framework.description + ":" + parts.joined(separator: ".")
    }

    /// Whether the framework is one the catalogue lists (links to other frameworks are not checked).
    /// - Parameter framework: The framework.
    /// - Returns: `true` when the catalogue has entries of it.
    public func covers(_ framework: GoalRef.Framework) -> Bool {
        frameworks.contains(framework)
    }

    /// The entry a goal link names, if the catalogue has it.
    /// - Parameter goal: The goal link.
    /// - Returns: The entry, or `nil`.
    public func entry(for goal: GoalRef) -> GoalEntry? {
        if let position = index[Self.key(goal.framework, goal.code)] { return entries[position] }
        if let uri = goal.uri, let position = index[Self.key(goal.framework, uri)] { return entries[position] }
        return nil
    }

    /// Every goal link of a record: its own and those of its report answers.
    /// - Parameter record: The record.
    /// - Returns: The links, in order, with where each is held (`goals/0`, `answers/3/goals/1`).
    public static func goals(of record: Record) -> [(goal: GoalRef, field: String)] {
        var result: [(GoalRef, String)] = []
        record.forEachProperty { property in
            switch property.value {
            case .goals(let goals):
                for (index, goal) in goals.enumerated() { result.append((goal, "\(property.name)/\(index)")) }
            case .answers(let answers):
                for (answerIndex, answer) in answers.enumerated() {
                    for (index, goal) in answer.goals.enumerated() {
                        result.append((goal, "\(property.name)/\(answerIndex)/goals/\(index)"))
                    }
                }
            default: break
            }
        }
        return result
    }

    /// Checks every goal link of a record against the catalogue (`rule.goal-unknown`, a warning).
    /// - Parameters:
    ///   - record: The record.
    ///   - report: Receives a diagnostic per unknown goal or target.
    /// - Returns: Each goal link with the catalogue's entry for it (`nil` when the catalogue has none).
    @discardableResult
    public func check(_ record: Record, report: (Diagnostic) -> Void) -> [(goal: GoalRef, entry: GoalEntry?)] {
        var resolved: [(goal: GoalRef, entry: GoalEntry?)] = []
        for (goal, field) in Self.goals(of: record) {
            let found = entry(for: goal)
            resolved.append((goal, found))
            guard found == nil, covers(goal.framework) else { continue }
            let location = record.source?.appending(field: field)
            report(
                Diagnostic(
                    id: .goalUnknown,
                    severity: .warning,
                    message: "\(record.kind.typeName) '\(record.id)' links to \(goal), which is not a "
                        + "\(goal.framework) goal or target",
                    location: location
                )
            )
        }
        return resolved
    }

    /// The catalogue entry of `rule.goal-unknown`, for `explain` and the reports.
    public static let goalDescriptions: [DiagnosticDescription] = [
        DiagnosticDescription(
            .goalUnknown,
            .warning,
            "A goal link names a goal or target its framework does not have",
            """
            Records link to global goals as FRAMEWORK:CODE (SDG:15.1, AICHI:11, GBF:3). The codes are checked \
            against the reference data in Schemas/goals: the 17 SDGs and their 169 targets, the Aichi Biodiversity \
            Targets (goals A-E, targets 1-20) and the Kunming-Montreal GBF (goals A-D, targets 1-23). The spellings \
            of the CBD thesaurus (GBF-TARGET-03, AICHI-TARGET-01-C2) are accepted. An unknown code is usually a \
            typo or a national target mistaken for a global one; links to other frameworks are not checked.
            """
        )
    ]
}
