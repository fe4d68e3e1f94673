import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import Testing

@testable import MEABridgeJSONSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The official JSON-Schema-Test-Suite, read from `../shared/conformance/json-schema-test-suite`.
enum Suite {
    static var root: String { Fixtures.repositoryRoot() + "/../shared/conformance/json-schema-test-suite" }

    /// Whether to run: always in CI (where a missing suite must fail), elsewhere when the folder exists.
    static var enabled: Bool { Fixtures.isCI || access(root, F_OK) == 0 }

    /// The suite's remote documents, served as `http://localhost:1234/`.
    static var remotes: [String: String] { ["http://localhost:1234/": root + "/remotes"] }

    /// The formats whose optional tests count (every format `FormatCheck` implements).
    static var supportedFormats: [String] { FormatCheck.allCases.map(\.rawValue) }

    /// One test of the suite, with where it comes from.
    struct Case {
        var file: String
        var description: String
        var schema: JSONValue
        var tests: [(description: String, data: JSONValue, valid: Bool)]
    }

    /// The cases of one suite file.
    static func cases(in path: String) throws -> [Case] {
        let bytes = try #require(Fixtures.read(path), "cannot read \(path)")
        var parser = JSONPullParser(source: MemoryByteSource(bytes, name: path))
        let document = try parser.readValue()
        let name = String(path.dropFirst(root.count + 1))
        return try #require(document.arrayValue).map { group in
            Case(
                file: name,
                description: group["description"]?.stringValue ?? "?",
                schema: group["schema"] ?? JSONValue(.bool(true)),
                tests: (group["tests"]?.arrayValue ?? []).map { test in
                    (
                        test["description"]?.stringValue ?? "?",
                        test["data"] ?? JSONValue(.null),
                        test["valid"]?.boolValue ?? false
                    )
                }
            )
        }
    }

    /// The outcome of running some suite files.
    struct Tally {
        var passed = 0
        var failed: [String] = []
        var total: Int { passed + failed.count }
        var rate: String {
            total == 0 ? "n/a" : String(Double(passed * 1000 / total) / 10) + "%"
        }
    }

    /// Runs suite files: each schema is compiled once and each instance checked three ways (collecting errors,
    /// stopping at the first failure, and streaming over the instance's bytes), which must all agree with the
    /// suite.
    static func run(_ files: [String], draft: JSONSchemaDraft, formats: JSONSchemaFormatMode) throws -> Tally {
        var tally = Tally()
        let options = JSONSchemaOptions(defaultDraft: draft, formats: formats, remotes: remotes)
        for file in files {
            for group in try cases(in: file) {
                let schema: JSONSchema
                do {
                    schema = try JSONSchema(group.schema, options: options)
                } catch {
                    for test in group.tests {
                        tally.failed.append("\(group.file) | \(group.description) | \(test.description): \(error)")
                    }
                    continue
                }
                for test in group.tests {
                    let errors = schema.validate(test.data)
                    let quick = schema.isValid(test.data)
                    let streamed = streamedErrors(schema, test.data)
                    let label = "\(group.file) | \(group.description) | \(test.description)"
                    if errors.isEmpty != test.valid {
                        tally.failed.append(
                            "\(label): expected \(test.valid ? "valid" : "invalid")"
                                + (errors.first.map { " (\($0))" } ?? "")
                        )
                    } else if quick != test.valid {
                        tally.failed.append("\(label): isValid disagrees with validate")
                    } else if streamed.isEmpty != test.valid {
                        tally.failed.append("\(label): streaming disagrees" + (streamed.first.map { " (\($0))" } ?? ""))
                    } else {
                        tally.passed += 1
                    }
                }
            }
        }
        return tally
    }

    /// The errors found by streaming validation over the instance written out as JSON text.
    static func streamedErrors(_ schema: JSONSchema, _ value: JSONValue) -> [JSONSchemaError] {
        var bytes: [UInt8] = []
        JSONOutput.append(value, to: &bytes)
        var errors: [JSONSchemaError] = []
        do {
            try schema.validate(source: MemoryByteSource(bytes, maxChunk: 7), maxErrors: 1000) { errors.append($0) }
        } catch {
            errors.append(
                JSONSchemaError(
                    instanceLocation: "",
                    position: error.position,
                    keywordLocation: "",
                    absoluteKeywordLocation: "",
                    keyword: "syntax",
                    message: "streaming failed: \(error)"
                )
            )
        }
        return errors
    }

    static func report(_ title: String, _ tally: Tally) {
        print("\(title): \(tally.passed) passed, \(tally.failed.count) failed (\(tally.rate))")
        for failure in tally.failed.prefix(40) { print("  ✗ \(failure)") }
    }
}

@Suite(
    "JSON-Schema-Test-Suite",
    .enabled(if: Suite.enabled, "../shared/conformance/json-schema-test-suite is missing"),
    .serialized
)
struct ConformanceTests {
    @Test("every required test passes", arguments: [JSONSchemaDraft.draft2020, .draft7])
    func required(draft: JSONSchemaDraft) throws {
        let folder = Suite.root + "/tests/" + (draft == .draft7 ? "draft7" : "draft2020-12")
        let files = Fixtures.files(in: folder, suffix: ".json")
        #expect(files.count > 30, "the suite folder \(folder) has too few files")
        let tally = try Suite.run(files, draft: draft, formats: .annotate)
        Suite.report("\(draft) required", tally)
        #expect(tally.total > 900)
        #expect(tally.failed.isEmpty, "\(tally.failed.count) required tests fail")
    }

    @Test(
        "optional format tests (every format file, formats asserted)",
        arguments: [
            JSONSchemaDraft.draft2020, .draft7,
        ]
    )
    func optionalFormats(draft: JSONSchemaDraft) throws {
        let folder = Suite.root + "/tests/" + (draft == .draft7 ? "draft7" : "draft2020-12") + "/optional/format"
        let files = Fixtures.files(in: folder, suffix: ".json")
        let unsupported = files.map { String($0.split(separator: "/").last?.dropLast(5) ?? "") }
            .filter { !Suite.supportedFormats.contains($0) && $0 != "unknown" && $0 != "ecmascript-regex" }
        let tally = try Suite.run(files, draft: draft, formats: .assert)
        Suite.report("\(draft) optional formats (\(files.count) files)", tally)
        #expect(unsupported.isEmpty, "format files without a checker: \(unsupported)")
        #expect(tally.total > 600)
    }

    @Test("other optional tests", arguments: [JSONSchemaDraft.draft2020, .draft7])
    func optionalOther(draft: JSONSchemaDraft) throws {
        let folder = Suite.root + "/tests/" + (draft == .draft7 ? "draft7" : "draft2020-12") + "/optional"
        let files = Fixtures.files(in: folder, suffix: ".json")
        let tally = try Suite.run(files, draft: draft, formats: .annotate)
        Suite.report("\(draft) optional (other)", tally)
        #expect(tally.total > 50)
    }
}
