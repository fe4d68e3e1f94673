import MEABridgeCBD
import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

@Suite("Goal reference data and rule.goal-unknown")
struct GoalTests {
    static func catalog() throws -> GoalCatalog {
        try GoalCatalog(schemasDirectory: Fixtures.repositoryRoot() + "/Schemas")
    }

    @Test func catalogHasEveryFramework() throws {
        let catalog = try Self.catalog()
        func count(_ framework: GoalRef.Framework, _ kind: String) -> Int {
            catalog.entries.filter { $0.framework == framework && $0.kind == kind }.count
        }
        #expect(count(.sdg, "goal") == 17)
        #expect(count(.sdg, "target") == 169)
        #expect(count(.gbf, "goal") == 4)
        #expect(count(.gbf, "target") == 23)
        #expect(count(.aichi, "goal") == 5)
        #expect(count(.aichi, "target") == 20)
        #expect(catalog.entry(for: GoalRef(framework: .sdg, code: "15.a")) != nil)
        #expect(catalog.entry(for: GoalRef(framework: .sdg, code: "17.19")) != nil)
        #expect(catalog.entry(for: GoalRef(framework: .sdg, code: "17.20")) == nil)
        // CBD thesaurus spellings resolve.
        #expect(catalog.entry(for: GoalRef(framework: .gbf, code: "GBF-TARGET-03"))?.code == "3")
        #expect(catalog.entry(for: GoalRef(framework: .gbf, code: "T3"))?.code == "3")
        #expect(catalog.entry(for: GoalRef(framework: .aichi, code: "AICHI-TARGET-01-C2"))?.code == "1")
    }

    @Test(.enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
    func titlesComeFromTheCBDFiles() throws {
        let catalog = try Self.catalog()
        // Read the source file independently and compare every English title.
        let bytes = try #require(Fixtures.read(Fixtures.samplesDirectory + "/cbd-km/gbf-targets/targets.json"))
        var parser = JSONPullParser(source: MemoryByteSource(bytes))
        let targets = try parser.readValue().arrayValue ?? []
        #expect(targets.count == 23)
        for target in targets {
            let identifier = try #require(target["identifier"]?.stringValue)
            let entry = try #require(catalog.entry(for: GoalRef(framework: .gbf, code: identifier)))
            #expect(entry.title.english == target["title"]?["en"]?.stringValue?.trimmingWhitespace())
        }
        let aichiBytes = try #require(
            Fixtures.read(Fixtures.samplesDirectory + "/cbd-km/aichi-targets/targets.json")
        )
        var aichiParser = JSONPullParser(source: MemoryByteSource(aichiBytes))
        let aichi = try aichiParser.readValue()["targets"]?.arrayValue ?? []
        #expect(aichi.count == 20)
        for target in aichi {
            let code = try #require(target["id"]?.numberLexeme)
            let entry = try #require(catalog.entry(for: GoalRef(framework: .aichi, code: code)))
            #expect(entry.title.english == target["title"]?["en"]?.stringValue)
        }
    }

    @Test func unknownGoalsAreReportedAtTheirLink() throws {
        let catalog = try Self.catalog()
        var report = CountryReport(id: "r1")
        report.goals = [GoalRef(framework: .gbf, code: "3"), GoalRef(framework: .gbf, code: "24")]
        report.answers = [ReportAnswer(question: "q", goals: [GoalRef(framework: .sdg, code: "18.1")])]
        report.source = SourceLocation(source: "x.json", line: 1, column: 1, path: "/body")
        var plan = NationalPlan(id: "p1")
        plan.goals = [GoalRef(framework: .other("NDC"), code: "anything"), GoalRef(framework: .aichi, code: "20")]
        var found: [Diagnostic] = []
        catalog.check(.countryReport(report), report: { found.append($0) })
        catalog.check(.nationalPlan(plan), report: { found.append($0) })
        #expect(found.map(\.id) == [.goalUnknown, .goalUnknown])
        #expect(found.map { $0.location?.path } == ["/body/goals/1", "/body/answers/0/goals/0"])
        #expect(GoalCatalog.goalDescriptions.map(\.id) == [.goalUnknown])
    }

    @Test(.enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
    func everyGoalTheCBDReaderProducesIsKnown() throws {
        let catalog = try Self.catalog()
        let result = readSample(CBDKMJSONReader.self, "cbd-km/api-examples/national-target.json")
        #expect(!result.records.isEmpty)
        for record in result.records {
            #expect(!GoalCatalog.goals(of: record).isEmpty)
            catalog.check(record, report: { Issue.record("unexpected \($0.formatted)") })
        }
    }
}
