import MEABridgeCore
import Testing

@testable import MEABridgeBatch

@Suite("stable hashes")
struct StableHashTests {
    @Test("XXH64 matches the reference vectors")
    func xxh64Vectors() {
        #expect(StableHash.xxh64("") == 0xEF46_DB37_51D8_E999)
        #expect(StableHash.xxh64("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(StableHash.xxh64("abc") == 0x44BC_2CF5_AD77_0999)
        // Longer than one 32-byte stripe.
        #expect(StableHash.xxh64("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test("FNV-1a matches the reference vectors")
    func fnvVectors() {
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test("hex is 16 lower-case digits")
    func hex() {
        #expect(StableHash.hex(0xAB) == "00000000000000ab")
        #expect(StableHash.hex(.max) == "ffffffffffffffff")
    }
}

@Suite("shards")
struct ShardTests {
    @Test("K/N parses only with 1 ≤ K ≤ N")
    func parsing() {
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(Shard(parsing: "1/1") == Shard(index: 1, count: 1))
        for bad in ["0/4", "5/4", "4", "a/b", "1/0", "-1/3", "1/2/3", ""] { #expect(Shard(parsing: bad) == nil) }
    }

    @Test("the shards of N split any set of paths into disjoint parts that cover it")
    func partition() {
        let paths = (0..<2000).map { "exports/feed-\($0).json" }
        for count in [1, 2, 3, 7] {
            var owners: [String: Int] = [:]
            for index in 1...count {
                for path in paths where Shard(index: index, count: count).contains(path) {
                    #expect(owners[path] == nil, "\(path) is in two shards")
                    owners[path] = index
                }
            }
            #expect(owners.count == paths.count)
            if count > 1 {
                // Roughly even: every shard has at least half its fair share.
                for index in 1...count {
                    let share = owners.values.filter { $0 == index }.count
                    #expect(share > paths.count / count / 2)
                }
            }
        }
    }

    @Test("membership is FNV-1a of the path modulo N, so other tools can recompute it")
    func documentedHash() {
        // FNV-1a("a") = 0xaf63dc4c8601ec8c; modulo 3 that is 1, so "a" is in shard 2/3.
        #expect(UInt64(0xAF63_DC4C_8601_EC8C) % 3 == 1)
        #expect(Shard(index: 2, count: 3).contains("a"))
        #expect(!Shard(index: 1, count: 3).contains("a"))
        #expect(!Shard(index: 3, count: 3).contains("a"))
    }
}

@Suite("globs")
struct GlobTests {
    @Test("a pattern without / matches the file name at any depth")
    func nameOnly() {
        let glob = Glob("*.json")
        #expect(glob.matches("a.json"))
        #expect(glob.matches("deep/er/a.json"))
        #expect(!glob.matches("a.json.gz"))
        #expect(!glob.matches("a.xml"))
    }

    @Test("* stays within a component, ** crosses them and may be empty")
    func stars() {
        #expect(Glob("feeds/*.json").matches("feeds/a.json"))
        #expect(!Glob("feeds/*.json").matches("feeds/x/a.json"))
        #expect(Glob("feeds/**/*.json").matches("feeds/x/y/a.json"))
        #expect(Glob("feeds/**/*.json").matches("feeds/a.json"))
        #expect(Glob("**/v3/*").matches("informea-odata/v3/Decisions.json"))
        #expect(Glob("/feeds/*.json").matches("feeds/a.json"))
        #expect(!Glob("feeds/*.json").matches("other/feeds/a.json"))
    }

    @Test("?, classes, negated classes and escapes")
    func classes() {
        #expect(Glob("v?.json").matches("v1.json"))
        #expect(!Glob("v?.json").matches("v12.json"))
        #expect(Glob("v[0-9].json").matches("v3.json"))
        #expect(!Glob("v[0-9].json").matches("vx.json"))
        #expect(Glob("v[!0-9].json").matches("vx.json"))
        #expect(!Glob("v[!0-9].json").matches("v3.json"))
        #expect(Glob("a\\*.json").matches("a*.json"))
        #expect(!Glob("a\\*.json").matches("ab.json"))
        #expect(Glob("a[.json").matches("a[.json"))
    }

    @Test("filters: includes, excludes, hidden files and folders")
    func filter() {
        let filter = FileFilter(include: [Glob("*.json")], exclude: [Glob("drafts"), Glob("*-old.json")])
        #expect(filter.accepts(file: "v1/Decisions.json"))
        #expect(!filter.accepts(file: "v1/Decisions.xml"))
        #expect(!filter.accepts(file: "v1/Decisions-old.json"))
        #expect(!filter.accepts(file: ".git/config.json"))
        #expect(!filter.accepts(file: "__MACOSX/a.json"))
        #expect(!filter.enters(directory: "v1/drafts"))
        #expect(filter.enters(directory: "v1"))
        #expect(FileFilter().accepts(file: "README"))
    }
}

@Suite("archive entry paths (zip-slip)")
struct EntryPathTests {
    @Test("relative paths are normalised")
    func normalised() {
        #expect(EntryPath.normalize("./a/b.json") == .success("a/b.json"))
        #expect(EntryPath.normalize("a//b.json") == .success("a/b.json"))
        #expect(EntryPath.normalize("a/./b.json") == .success("a/b.json"))
    }

    @Test("absolute paths, drive letters and .. are refused")
    func refused() {
        #expect(EntryPath.normalize("/etc/passwd") == .failure(.absolute))
        #expect(EntryPath.normalize("\\windows\\x") == .failure(.absolute))
        #expect(EntryPath.normalize("C:/x.json") == .failure(.absolute))
        #expect(EntryPath.normalize("../x.json") == .failure(.parentComponent))
        #expect(EntryPath.normalize("a/../../x.json") == .failure(.parentComponent))
        #expect(EntryPath.normalize("a/..\\..\\x.json") == .failure(.parentComponent))
        #expect(EntryPath.normalize("./") == .failure(.empty))
    }

    @Test("links stay inside only when they never climb above the root")
    func links() {
        #expect(EntryPath.linkStaysInside(entry: "a/link", target: "b.json"))
        #expect(EntryPath.linkStaysInside(entry: "a/link", target: "../b.json"))
        #expect(!EntryPath.linkStaysInside(entry: "a/link", target: "../../b.json"))
        #expect(!EntryPath.linkStaysInside(entry: "link", target: "/etc/passwd"))
        #expect(!EntryPath.linkStaysInside(entry: "link", target: ""))
    }

    @Test("output names take the writer's extension")
    func outputNames() {
        #expect(OutputNaming.outputPath(for: "a/b.json", extension: "ndjson") == "a/b.ndjson")
        #expect(OutputNaming.outputPath(for: "a.v2/b", extension: "ndjson") == "a.v2/b.ndjson")
        #expect(OutputNaming.outputPath(for: "b.tar.json", extension: "json") == "b.tar.json")
    }

    @Test("archive kinds come from the name")
    func kinds() {
        #expect(ArchiveKind(path: "x.ZIP") == .zip)
        #expect(ArchiveKind(path: "x.tar") == .tar)
        #expect(ArchiveKind(path: "x.tar.gz") == .tarGzip)
        #expect(ArchiveKind(path: "x.tgz") == .tarGzip)
        #expect(ArchiveKind(path: "x.json") == nil)
    }
}

@Suite("record content hashes and stamps")
struct RecordHashTests {
    private func decision(_ id: String, title: String) -> Record {
        var decision = Decision(id: id)
        decision.title = ["en": title]
        decision.treaty = "cms"
        decision.updated = DateValue(epochMilliseconds: 1_000)
        decision.source = SourceLocation(source: "a.json", line: 3, column: 5)
        return .decision(decision)
    }

    @Test("the source location and the provider's updated date are not content")
    func ignored() {
        let base = decision("d1", title: "Title")
        var moved = base
        moved.source = SourceLocation(source: "b.json", line: 99, column: 1)
        var touched = base
        touched.updated = DateValue(epochMilliseconds: 9_999_999)
        #expect(touched.updated != base.updated)
        #expect(RecordHasher.hash(base) == RecordHasher.hash(moved))
        #expect(RecordHasher.hash(base) == RecordHasher.hash(touched))
        // Every entity with an `updated` date, taxa included.
        let taxon = Record.taxon(Taxon(id: "t1"))
        var touchedTaxon = taxon
        touchedTaxon.updated = DateValue(epochMilliseconds: 9_999_999)
        #expect(touchedTaxon.updated != nil)
        #expect(RecordHasher.hash(taxon) == RecordHasher.hash(touchedTaxon))
    }

    @Test("any content change changes the hash")
    func changes() {
        let base = RecordHasher.hash(decision("d1", title: "Title"))
        #expect(base != RecordHasher.hash(decision("d1", title: "Title.")))
        #expect(base != RecordHasher.hash(decision("d2", title: "Title")))
        guard case .decision(var numbered) = decision("d1", title: "Title") else { return }
        numbered.number = "SC-3/7"
        #expect(base != RecordHasher.hash(.decision(numbered)))
    }

    @Test("values cannot shift between neighbouring fields")
    func unambiguous() {
        var one = Decision(id: "x")
        one.title = ["en": "ab"]
        one.longTitle = ["en": "c"]
        var two = Decision(id: "x")
        two.title = ["en": "a"]
        two.longTitle = ["en": "bc"]
        #expect(RecordHasher.hash(.decision(one)) != RecordHasher.hash(.decision(two)))
        var three = Decision(id: "x")
        three.keywords = [Keyword(term: "a"), Keyword(term: "b")]
        var four = Decision(id: "x")
        four.keywords = [Keyword(term: "a")]
        four.files = []
        #expect(RecordHasher.hash(.decision(three)) != RecordHasher.hash(.decision(four)))
    }

    @Test("the stamper keeps the change time of unchanged records and gives changed ones the run's time")
    func stamper() {
        let unchanged = decision("d1", title: "Same")
        let changed = decision("d2", title: "New")
        let previous: [String: RecordMemory] = [
            "decision\td1": RecordMemory(hash: RecordHasher.hash(unchanged), changed: 500),
            "decision\td2": RecordMemory(hash: RecordHasher.hash(decision("d2", title: "Old")), changed: 500),
        ]
        var stamper = RecordStamper(previous: previous, now: 2_000)
        var first = unchanged
        var second = changed
        var third = decision("d3", title: "Brand new")
        var repeated = decision("d3", title: "Brand new again")
        stamper.stamp(&first)
        stamper.stamp(&second)
        stamper.stamp(&third)
        stamper.stamp(&repeated)
        #expect(first.updated == DateValue(epochMilliseconds: 500))
        #expect(second.updated == DateValue(epochMilliseconds: 2_000))
        #expect(third.updated == DateValue(epochMilliseconds: 2_000))
        #expect(stamper.changedCount == 3)
        #expect(stamper.stamps.map(\.key) == ["decision\td1", "decision\td2", "decision\td3", "decision\td3#2"])
    }
}
